package io.gridkeeper.cli;

import java.util.List;

/** Left-aligned text columns, two spaces apart, for terminal output. */
final class Table {

    private Table() {}

    /** The rows (the first is the header) as aligned lines, trailing blanks removed. */
    static String format(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString().stripTrailing();
    }
}
