import type { AuditAction } from '../../auth/audit-trail';
import type {
  CreateServiceBody,
  CreateServiceGroupBody,
  UpdateServiceBody,
  UpdateServiceGroupBody,
} from '../../contract/catalogue-schemas';
import type { ServiceConfig, ServiceGroupConfig } from '../../contract/entities';
import type { CatalogueResponse, DeleteResponse } from '../../contract/http';
import { deriveServiceCode, prefixClash } from '../../domain/catalogue';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import type { ServiceFields } from '../../storage/service-repo';
import type { CommandContext, CommandResult, CommandRunner } from '../core/command-runner';
import type { QueueReader } from '../queue/queue-reader';
import {
  recordChange,
  runCatalogueCommand,
  toCounterConfig,
  toServiceConfig,
  toServiceGroupConfig,
  type CatalogueCall,
} from './catalogue-views';

/** A service's target wait when the admin gives none (the schema's default too). */
const DEFAULT_TARGET_WAIT_MINUTES = 15;
/** Minutes a visit takes before the centre has any served ticket to measure. */
const DEFAULT_SERVICE_MINUTES = 5;

/**
 * Services and the kiosk menu's groups as admins edit them. Each change is one command:
 * its rows, a `catalogue:updated` event with the whole active catalogue, an audit row and
 * its idempotency record commit together. Deleting what something still refers to
 * deactivates it instead, and the answer says so.
 */
export class CatalogueAdmin {
  constructor(
    private readonly repos: Repos,
    private readonly runner: CommandRunner,
    private readonly reader: QueueReader,
  ) {}

  /** Everything admins edit, inactive entries included. */
  catalogue(): CatalogueResponse {
    return {
      services: this.repos.services.listAll().map(toServiceConfig),
      serviceGroups: this.groups(),
      counters: this.repos.counters.listAll().map((c) => toCounterConfig(this.repos, c)),
    };
  }

  /** Every kiosk menu group, fields first, inactive ones included. */
  groups(): ServiceGroupConfig[] {
    return this.repos.serviceGroups.listAll().map(toServiceGroupConfig);
  }

  createService(body: CreateServiceBody, call: CatalogueCall): CommandResult<ServiceConfig> {
    return this.command(call, 'service.create', null, body, (context) => {
      const { services } = this.repos;
      const fields: ServiceFields = {
        code: body.code ?? deriveServiceCode(body.name, (code) => !!services.byCode(code)),
        name: body.name,
        nameEn: body.nameEn ?? '',
        prefix: body.prefix,
        agency: '',
        targetWaitMinutes: body.targetWaitMinutes ?? DEFAULT_TARGET_WAIT_MINUTES,
        defaultServiceMinutes: DEFAULT_SERVICE_MINUTES,
        sortOrder: body.sortOrder ?? nextSortOrder(services.listAll()),
        active: true,
        dailyCap: body.dailyCap ?? null,
        cutoffMinutes: body.cutOff ?? null,
        groupId: body.groupId ?? null,
        numberRange: body.numberRange ?? null,
      };
      this.checkService(null, fields);
      const id = services.insert(fields);
      return this.savedService(context, id, 'service.create', call, body);
    });
  }

  updateService(
    id: number,
    patch: UpdateServiceBody,
    call: CatalogueCall,
  ): CommandResult<ServiceConfig> {
    return this.command(call, 'service.update', id, patch, (context) => {
      const current = this.repos.services.get(id);
      if (!current) throw new DomainError('service_not_found', `No service ${id}`);
      const { id: _id, ...stored } = current;
      const fields: ServiceFields = {
        ...stored,
        ...withoutUndefined({
          code: patch.code,
          name: patch.name,
          nameEn: patch.nameEn,
          prefix: patch.prefix,
          targetWaitMinutes: patch.targetWaitMinutes,
          sortOrder: patch.sortOrder,
          active: patch.active,
          dailyCap: patch.dailyCap,
          cutoffMinutes: patch.cutOff,
          groupId: patch.groupId,
          numberRange: patch.numberRange,
        }),
      };
      this.checkService(id, fields);
      this.repos.services.update(id, fields);
      return this.savedService(context, id, 'service.update', call, patch);
    });
  }

  /** Removes an unused service; one with tickets, counters or ratings is deactivated. */
  deleteService(
    id: number,
    call: CatalogueCall,
  ): CommandResult<DeleteResponse<'service', ServiceConfig>> {
    return this.command(call, 'service.delete', id, null, (context) => {
      const current = this.repos.services.get(id);
      if (!current) throw new DomainError('service_not_found', `No service ${id}`);
      if (this.repos.services.deleteUnused(id)) {
        this.finish(context, 'service.delete', call, `service:${id}`, { code: current.code });
        return { deleted: true } as const;
      }
      const { id: _id, ...stored } = current;
      this.repos.services.update(id, { ...stored, active: false });
      this.finish(context, 'service.delete', call, `service:${id}`, { deactivated: true });
      return {
        service: toServiceConfig({ ...current, active: false }),
        deactivated: true,
      } as const;
    });
  }

  createServiceGroup(
    body: CreateServiceGroupBody,
    call: CatalogueCall,
  ): CommandResult<ServiceGroupConfig> {
    return this.command(call, 'service_group.create', null, body, (context) => {
      const fields = {
        parentId: body.parentId ?? null,
        name: body.name,
        nameEn: body.nameEn ?? '',
        sortOrder: body.sortOrder ?? nextSortOrder(this.repos.serviceGroups.listAll()),
        active: true,
      };
      this.checkParent(null, fields.parentId);
      const id = this.repos.serviceGroups.insert(fields);
      return this.savedGroup(context, id, 'service_group.create', call, body);
    });
  }

  updateServiceGroup(
    id: number,
    patch: UpdateServiceGroupBody,
    call: CatalogueCall,
  ): CommandResult<ServiceGroupConfig> {
    return this.command(call, 'service_group.update', id, patch, (context) => {
      const current = this.repos.serviceGroups.get(id);
      if (!current) throw new DomainError('service_group_not_found', `No service group ${id}`);
      const { id: _id, ...stored } = current;
      const fields = { ...stored, ...withoutUndefined(patch) };
      if (patch.parentId !== undefined) this.checkParent(id, fields.parentId);
      this.repos.serviceGroups.update(id, fields);
      return this.savedGroup(context, id, 'service_group.update', call, patch);
    });
  }

  /** Removes an unused group; one that services or groups sit in is deactivated. */
  deleteServiceGroup(
    id: number,
    call: CatalogueCall,
  ): CommandResult<DeleteResponse<'group', ServiceGroupConfig>> {
    return this.command(call, 'service_group.delete', id, null, (context) => {
      const current = this.repos.serviceGroups.get(id);
      if (!current) throw new DomainError('service_group_not_found', `No service group ${id}`);
      const target = `service_group:${id}`;
      if (this.repos.serviceGroups.deleteUnused(id)) {
        this.finish(context, 'service_group.delete', call, target, { name: current.name });
        return { deleted: true } as const;
      }
      const { id: _id, ...stored } = current;
      this.repos.serviceGroups.update(id, { ...stored, active: false });
      this.finish(context, 'service_group.delete', call, target, { deactivated: true });
      return {
        group: toServiceGroupConfig({ ...current, active: false }),
        deactivated: true,
      } as const;
    });
  }

  private command<T>(
    call: CatalogueCall,
    op: AuditAction,
    id: number | null,
    body: unknown,
    run: (context: CommandContext) => T,
  ): CommandResult<T> {
    return runCatalogueCommand(this.runner, call, { op, id, body }, run);
  }

  private finish(
    context: CommandContext,
    action: AuditAction,
    call: CatalogueCall,
    target: string,
    details: object,
  ): void {
    recordChange(context, this.reader, call, { action, target, details });
  }

  private savedService(
    context: CommandContext,
    id: number,
    action: AuditAction,
    call: CatalogueCall,
    details: object = {},
  ): ServiceConfig {
    const service = toServiceConfig(this.repos.services.get(id)!);
    this.finish(context, action, call, `service:${id}`, { ...details, code: service.code });
    return service;
  }

  private savedGroup(
    context: CommandContext,
    id: number,
    action: AuditAction,
    call: CatalogueCall,
    details: object,
  ): ServiceGroupConfig {
    const group = toServiceGroupConfig(this.repos.serviceGroups.get(id)!);
    this.finish(context, action, call, `service_group:${id}`, { ...details });
    return group;
  }

  /** A service's code is unique, its group exists, and its numbers clash with no other's. */
  private checkService(id: number | null, fields: ServiceFields): void {
    const holder = this.repos.services.byCode(fields.code);
    if (holder && holder.id !== id) {
      throw new DomainError('code_taken', `Service code ${fields.code} is taken`);
    }
    if (fields.groupId !== null && !this.repos.serviceGroups.get(fields.groupId)) {
      throw new DomainError('service_group_not_found', `No service group ${fields.groupId}`);
    }
    const clash = prefixClash({ id: id ?? 0, ...fields }, this.repos.services.listAll());
    if (clash) {
      throw new DomainError(
        'prefix_taken',
        `Prefix ${fields.prefix} is used by service ${clash.id} with overlapping numbers`,
      );
    }
  }

  /** A group's parent exists and is a field, and a group with groups inside stays a field. */
  private checkParent(id: number | null, parentId: number | null): void {
    if (parentId === null) return;
    const parent = this.repos.serviceGroups.get(parentId);
    if (!parent) throw new DomainError('service_group_not_found', `No service group ${parentId}`);
    if (parent.parentId !== null || parentId === id) {
      throw new DomainError('group_nesting', 'A procedure group may only sit inside a field');
    }
    if (id !== null && this.repos.serviceGroups.hasChildren(id)) {
      throw new DomainError('group_nesting', 'A field with groups inside cannot sit in a field');
    }
  }
}

/** One past the largest sort order, so a new entry goes to the end of the menu. */
function nextSortOrder(entries: readonly { sortOrder: number }[]): number {
  return entries.reduce((max, entry) => Math.max(max, entry.sortOrder + 1), 0);
}

/** The fields a patch sets: an absent field keeps the stored value, null clears it. */
function withoutUndefined<T extends object>(
  patch: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
