package dev.cotangent.sparse;

import java.util.Arrays;

/**
 * The sparsity pattern of a matrix: which entries may be non-zero, as immutable CSR index arrays (the columns of
 * each row sorted, without repeats). Detected from a staged graph by {@link Sparsity}, or given by the user
 * ({@link #of}, {@link #fromEntries}) when a function cannot be staged or its structure is known.
 */
public final class Pattern {
    private final int rows;
    private final int columns;
    private final int[] rowPointers;
    private final int[] columnIndices;

    private Pattern(int rows, int columns, int[] rowPointers, int[] columnIndices) {
        this.rows = rows;
        this.columns = columns;
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices;
    }

    /** The pattern whose row i holds the columns {@code rowColumns[i]} (any order, repeats allowed). */
    public static Pattern of(int rows, int columns, int[][] rowColumns) {
        if (rows < 0 || columns < 0 || rowColumns.length != rows) {
            throw new IllegalArgumentException("Pattern.of: " + rowColumns.length + " rows of columns for a " + rows
                    + "×" + columns + " pattern");
        }
        int[] ptr = new int[rows + 1];
        int[][] sorted = new int[rows][];
        for (int i = 0; i < rows; i++) {
            sorted[i] = distinctSorted(rowColumns[i], columns, i);
            ptr[i + 1] = Math.addExact(ptr[i], sorted[i].length);
        }
        int[] idx = new int[ptr[rows]];
        for (int i = 0; i < rows; i++) System.arraycopy(sorted[i], 0, idx, ptr[i], sorted[i].length);
        return new Pattern(rows, columns, ptr, idx);
    }

    /** The pattern of the entries (rowsOf[k], columnsOf[k]); repeats allowed. */
    public static Pattern fromEntries(int rows, int columns, int[] rowsOf, int[] columnsOf) {
        if (rowsOf.length != columnsOf.length) {
            throw new IllegalArgumentException("Pattern.fromEntries: " + rowsOf.length + " rows and "
                    + columnsOf.length + " columns; give one of each per entry");
        }
        int[] count = new int[rows];
        for (int r : rowsOf) {
            if (r < 0 || r >= rows) throw new IllegalArgumentException("Pattern.fromEntries: row " + r + " of " + rows);
            count[r]++;
        }
        int[][] rc = new int[rows][];
        for (int i = 0; i < rows; i++) rc[i] = new int[count[i]];
        int[] fill = new int[rows];
        for (int k = 0; k < rowsOf.length; k++) rc[rowsOf[k]][fill[rowsOf[k]]++] = columnsOf[k];
        return of(rows, columns, rc);
    }

    /** Every entry of a rows × columns matrix. */
    public static Pattern dense(int rows, int columns) {
        int[][] rc = new int[rows][];
        int[] all = new int[columns];
        for (int j = 0; j < columns; j++) all[j] = j;
        Arrays.fill(rc, all);
        return of(rows, columns, rc);
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The number of columns. */
    public int columns() {
        return columns;
    }

    /** The number of entries of the pattern. */
    public int nonZeros() {
        return columnIndices.length;
    }

    /** A copy of the row pointers ({@code rows + 1} entries). */
    public int[] rowPointers() {
        return rowPointers.clone();
    }

    /** A copy of the column of each entry, row by row. */
    public int[] columnIndices() {
        return columnIndices.clone();
    }

    /** The columns of row i, increasing (a copy). */
    public int[] row(int i) {
        return Arrays.copyOfRange(columnIndices, rowPointers[i], rowPointers[i + 1]);
    }

    /** The number of entries of row i. */
    public int rowCount(int i) {
        return rowPointers[i + 1] - rowPointers[i];
    }

    /** The largest number of entries in a row: a lower bound on the colours of any column colouring. */
    public int maxRowCount() {
        int m = 0;
        for (int i = 0; i < rows; i++) m = Math.max(m, rowCount(i));
        return m;
    }

    /** Whether (i, j) is an entry. */
    public boolean contains(int i, int j) {
        return Arrays.binarySearch(columnIndices, rowPointers[i], rowPointers[i + 1], j) >= 0;
    }

    /** The transposed pattern (columns × rows). */
    public Pattern transpose() {
        int[] ptr = new int[columns + 1];
        for (int c : columnIndices) ptr[c + 1]++;
        for (int j = 0; j < columns; j++) ptr[j + 1] += ptr[j];
        int[] idx = new int[columnIndices.length];
        int[] fill = Arrays.copyOf(ptr, columns);
        for (int i = 0; i < rows; i++) {
            for (int k = rowPointers[i]; k < rowPointers[i + 1]; k++) idx[fill[columnIndices[k]]++] = i;
        }
        return new Pattern(columns, rows, ptr, idx);
    }

    /** The union of a square pattern with its transpose (the pattern of a symmetric matrix). */
    public Pattern symmetric() {
        if (rows != columns) {
            throw new IllegalArgumentException("Pattern.symmetric: a " + rows + "×" + columns + " pattern is not square");
        }
        Pattern t = transpose();
        int[][] rc = new int[rows][];
        for (int i = 0; i < rows; i++) {
            int[] a = row(i);
            int[] b = t.row(i);
            int[] u = new int[a.length + b.length];
            System.arraycopy(a, 0, u, 0, a.length);
            System.arraycopy(b, 0, u, a.length, b.length);
            rc[i] = u;
        }
        return of(rows, columns, rc);
    }

    /** Whether the pattern equals its transpose. */
    public boolean isSymmetric() {
        return equals(transpose());
    }

    /** Index of entry (i, j) in the CSR arrays, or a negative number when it is not an entry. */
    int indexOf(int i, int j) {
        return Arrays.binarySearch(columnIndices, rowPointers[i], rowPointers[i + 1], j);
    }

    /** The CSR arrays themselves, not copied: for this package's loops, which never write them. */
    int[] pointers() {
        return rowPointers;
    }

    int[] indices() {
        return columnIndices;
    }

    private static int[] distinctSorted(int[] cols, int columns, int row) {
        int[] s = cols.clone();
        Arrays.sort(s);
        int n = 0;
        for (int k = 0; k < s.length; k++) {
            if (s[k] < 0 || s[k] >= columns) {
                throw new IllegalArgumentException("Pattern: row " + row + " has column " + s[k] + ", outside [0, "
                        + columns + ")");
            }
            if (k == 0 || s[k] != s[k - 1]) s[n++] = s[k];
        }
        return n == s.length ? s : Arrays.copyOf(s, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern p && p.rows == rows && p.columns == columns
                && Arrays.equals(p.rowPointers, rowPointers) && Arrays.equals(p.columnIndices, columnIndices);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(columnIndices);
    }

    @Override
    public String toString() {
        return "Pattern[" + rows + "×" + columns + ", " + columnIndices.length + " entries]";
    }
}
