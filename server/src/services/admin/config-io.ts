import {
  CONFIG_FORMAT,
  CONFIG_VERSION,
  type CentreConfig,
  type ConfigCounter,
  type ImportResult,
} from '../../contract/config';
import { centreConfigSchema, type CentreConfigInput } from '../../contract/config-schemas';
import { validateIntervals } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import type { AuditWho } from '../../auth/audit-trail';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';
import type { CommandContext, CommandRunner } from '../core/command-runner';
import type { QueueReader } from '../queue/queue-reader';
import { CatalogueApply, importFailed, type ImportIssue } from './catalogue-apply';
import { auditForcedSignOut } from './catalogue-counters';
import { emitCatalogue, type CatalogueCall } from './catalogue-views';
import type { CentreLogo } from './centre-logo';
import type { SettingsService } from './settings-service';
import { checkReferences, zodIssues } from './config-io-checks';

/**
 * The centre's whole configuration as one JSON document: written by `GET /api/config/export`,
 * read back by `POST /api/config/import` on this or another server. Accounts, devices and
 * printers stay where they are: accounts carry password hashes, devices and printers belong
 * to the machines of one building and pair again.
 */
export class ConfigIo {
  constructor(
    private readonly deps: {
      repos: Repos;
      runner: CommandRunner;
      reader: QueueReader;
      settings: SettingsService;
      logo: CentreLogo;
      clock: Clock;
    },
  ) {}

  /**
   * The document: settings, kiosk menu groups, services, counters and logo, read in one
   * transaction with its `config.export` audit row (who took a copy of the configuration).
   */
  exportConfig(who: AuditWho): CentreConfig {
    return this.deps.runner.run({ scope: 'config.export', request: {} }, (context) => {
      const config = this.document();
      context.audit('config.export', who, 'config', {
        services: config.services.length,
        counters: config.counters.length,
      });
      return config;
    }).value;
  }

  private document(): CentreConfig {
    const { repos, settings, clock } = this.deps;
    const groups = repos.serviceGroups.listAll();
    const refOf = new Map(groups.map((g, index) => [g.id, `G${index + 1}`]));
    const services = repos.services.listAll();
    const codeOf = new Map(services.map((s) => [s.id, s.code]));
    const logo = repos.logo.get();
    return {
      format: CONFIG_FORMAT,
      version: CONFIG_VERSION,
      exportedAt: new Date(clock.now()).toISOString(),
      settings: settings.current(),
      serviceGroups: groups.map((g) => ({
        ref: refOf.get(g.id)!,
        parent: g.parentId === null ? null : refOf.get(g.parentId)!,
        name: g.name,
        nameEn: g.nameEn,
        sortOrder: g.sortOrder,
        active: g.active,
      })),
      services: services.map((s) => ({
        code: s.code,
        name: s.name,
        nameEn: s.nameEn,
        prefix: s.prefix,
        group: s.groupId === null ? null : refOf.get(s.groupId)!,
        numberRange: s.numberRange,
        targetWaitMinutes: s.targetWaitMinutes,
        dailyCap: s.dailyCap,
        cutOff: s.cutoffMinutes,
        active: s.active,
        sortOrder: s.sortOrder,
      })),
      counters: repos.counters.listAll().map((c): ConfigCounter => ({
        number: c.number,
        name: c.name,
        active: c.active,
        tiers: tiersOf(c.services).map((ids) => ids.map((id) => codeOf.get(id)!)),
      })),
      logo: logo ? { contentType: logo.contentType, base64: logo.bytes.toString('base64') } : null,
    };
  }

  /**
   * Loads a document onto a centre without services and counters (`centre_not_empty`
   * otherwise), or over what it has with `replace`: services are matched by code, groups by
   * field and name, counters by number; whatever the document leaves out is removed, or
   * deactivated when tickets refer to it. Everything is checked before the answer and one
   * command writes it all, or nothing (`import_failed` names each problem).
   */
  importConfig(body: unknown, replace: boolean, call: CatalogueCall): ImportResult {
    const parsed = centreConfigSchema.safeParse(body);
    if (!parsed.success) throw importFailed(zodIssues(parsed.error));
    const config = parsed.data;
    const problems = checkReferences(config);
    for (const [day, intervals] of Object.entries(config.settings.openingHours ?? {})) {
      try {
        validateIntervals(intervals);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push({ row: null, column: `settings.openingHours.${day}`, code: 'invalid' });
      }
    }
    if (problems.length > 0) throw importFailed(problems);

    const { runner, repos, settings } = this.deps;
    const scope = `config:import:staff:${call.actor.staffId}`;
    try {
      return runner.run(
        { scope, idempotencyKey: call.idempotencyKey, request: { replace, config } },
        (context) => {
          if (!replace && (repos.services.count() > 0 || repos.counters.listAll().length > 0)) {
            throw new DomainError('centre_not_empty', 'The centre already has a catalogue');
          }
          return this.write(context, config, call);
        },
      ).value;
    } finally {
      // The settings written inside a command that rolled back must not stay cached.
      settings.reload();
    }
  }

  private write(
    context: CommandContext,
    config: CentreConfigInput,
    call: CatalogueCall,
  ): ImportResult {
    const { repos, settings, logo, reader } = this.deps;
    const who = { staffId: call.actor.staffId, username: null, ip: call.ip };
    for (const [key, value] of Object.entries(config.settings)) repos.settings.set(key, value);
    settings.reload();
    if (config.logo) {
      logo.put(Buffer.from(config.logo.base64, 'base64'), config.logo.contentType, who);
    } else if (repos.logo.sha256() !== null) {
      logo.remove(who);
    }

    const apply = new CatalogueApply(repos, context.at);
    const groupIds = new Map<string, number>();
    // Fields before the groups inside them, whatever order the document lists them in.
    const ordered = [...config.serviceGroups].sort(
      (a, b) => Number(a.parent !== null) - Number(b.parent !== null),
    );
    for (const g of ordered) {
      const parentId = g.parent === null ? null : groupIds.get(g.parent)!;
      const { nameEn, sortOrder, active } = g;
      groupIds.set(g.ref, apply.group(parentId, g.name, { nameEn, sortOrder, active }));
    }
    const serviceIds = new Map<string, number>();
    for (const s of config.services) {
      const { group, cutOff, ...fields } = s;
      const groupId = group === null ? null : groupIds.get(group)!;
      serviceIds.set(s.code, apply.service({ ...fields, groupId, cutoffMinutes: cutOff }));
    }
    const counterIds = new Set<number>();
    for (const c of config.counters) {
      const tiers = c.tiers.map((codes) => codes.map((code) => serviceIds.get(code)!));
      counterIds.add(apply.counter({ number: c.number, name: c.name, active: c.active }, tiers));
    }
    apply.retireOthers({
      counters: counterIds,
      services: new Set(serviceIds.values()),
      groups: new Set(groupIds.values()),
    });
    const clashes = apply.prefixClashes(config.services.map((s) => s.code));
    if (clashes.length > 0) {
      throw importFailed(
        clashes.map(({ code, other }): ImportIssue => {
          const index = config.services.findIndex((s) => s.code === code);
          return {
            row: null,
            column: `services.${index}.prefix`,
            code: 'prefix_taken',
            detail: other,
          };
        }),
      );
    }

    const result: ImportResult = {
      services: apply.services,
      serviceGroups: apply.serviceGroups,
      counters: apply.counters,
    };
    context.audit('config.import', who, 'centre:config', apply.auditDetails());
    for (const counter of apply.released) auditForcedSignOut(repos, context, call, counter);
    context.emit('centre:updated', { centre: settings.centreInfo() });
    emitCatalogue(context, reader);
    return result;
  }
}

/** A counter's service links as lists of ids, best tier first, empty tiers dropped. */
function tiersOf(links: readonly { serviceId: number; tier: number }[]): number[][] {
  const tiers = [...new Set(links.map((l) => l.tier))].sort((a, b) => a - b);
  return tiers.map((tier) => links.filter((l) => l.tier === tier).map((l) => l.serviceId));
}
