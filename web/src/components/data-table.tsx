/**
 * A USWDS table with a caption and, for lists the server returns whole (countries,
 * blockers), pages of a fixed size; it scrolls sideways inside its box on narrow screens
 * rather than widening the page.
 */
import { Table } from '@trussworks/react-uswds';
import { useState, type ReactNode } from 'react';
import { Pager, type Cursor } from './pager';

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** Right-aligned figures. */
  readonly numeric?: boolean;
}

interface DataTableProps<T> {
  readonly caption: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  /** Rows per page when the table pages itself; default: all rows. */
  readonly pageSize?: number;
  readonly empty?: string;
  readonly testId?: string;
}

export function DataTable<T>({ caption, columns, rows, rowKey, pageSize, empty, testId }: DataTableProps<T>) {
  const [page, setPage] = useState(0);
  const size = pageSize ?? rows.length;
  const pages = Math.max(1, Math.ceil(rows.length / Math.max(1, size)));
  const current = Math.min(page, pages - 1);
  const shown = pageSize === undefined ? rows : rows.slice(current * size, current * size + size);
  const cursor: Cursor<number> = {
    after: current === 0 ? undefined : current,
    page: current + 1,
    next: (n) => {
      setPage(n);
    },
    previous: () => {
      setPage(current - 1);
    },
    reset: () => {
      setPage(0);
    },
  };
  return (
    <div className="table-box" data-testid={testId}>
      <Table bordered={false} fullWidth striped compact scrollable>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric === true ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty ?? 'Nothing to show.'}</td>
            </tr>
          ) : (
            shown.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.header} className={c.numeric === true ? 'numeric' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </Table>
      {pageSize !== undefined && pages > 1 && (
        <Pager
          cursor={cursor}
          next={current + 1 < pages ? current + 1 : null}
          label={`Pages of ${caption}`}
        />
      )}
    </div>
  );
}
