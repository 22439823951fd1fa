import { useMemo } from 'react';
import { useI18n } from '@luot/ui-shared/use-i18n';
import type { ReportRow, ReportSummary } from '../../../server/src/contract/reports';
import { rowLabel } from './chart-configs';
import { cellText, tableColumns } from './report-columns';
import { formatDay } from './report-format';

/**
 * The report as a table, the same columns as its CSV, Excel and PDF: a row per group and
 * the total. Its header stays in view and it scrolls sideways inside its own box.
 */
export function ReportTable({ summary }: { summary: ReportSummary }) {
  const { t, lang } = useI18n();
  const groups = useMemo(() => tableColumns(summary, t, lang), [summary, t, lang]);
  const columns = groups.flatMap((group) => group.columns);
  const grouping = t(`admin.reports.groupBy.${summary.groupBy}`);

  const cells = (row: ReportRow) =>
    columns.map((column) => (
      <td key={column.id} data-column={column.id}>
        {cellText(column, row, t, lang)}
      </td>
    ));

  return (
    <div className="report-table-box" tabIndex={0} data-testid="report-table-box">
      <table className="report-table" data-testid="report-table">
        <caption>
          {t('admin.reports.table.caption', {
            grouping: grouping.toLocaleLowerCase(lang),
            from: formatDay(summary.from),
            to: formatDay(summary.to),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="report-label">
              {grouping}
            </th>
            {groups.map((group, i) =>
              group.head === null ? (
                group.columns.map((column) => (
                  <th key={column.id} scope="col" rowSpan={2}>
                    {column.head}
                  </th>
                ))
              ) : (
                <th
                  key={i}
                  scope="colgroup"
                  colSpan={group.columns.length}
                  className="report-group"
                >
                  {group.head}
                </th>
              ),
            )}
          </tr>
          <tr>
            {groups
              .filter((group) => group.head !== null)
              .flatMap((group) => group.columns)
              .map((column) => (
                <th key={column.id} scope="col">
                  {column.head}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.key} data-testid="report-row" data-key={row.key}>
              <th scope="row" className="report-label">
                {rowLabel(row, lang)}
              </th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="report-total">
            <th scope="row" className="report-label">
              {t('admin.reports.table.total')}
            </th>
            {cells(summary.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
