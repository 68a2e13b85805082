package dev.cotangent;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse row form (CSR), as {@code AD.sparseJacobian} and
 * {@code AD.sparseHessian} return it: the non-zeros of row i are {@code values[rowPointers[i] ..
 * rowPointers[i+1])}, in the columns {@code columnIndices[...]} (increasing within a row). "Non-zero" means in
 * the sparsity pattern: an entry of the pattern may hold the number 0. {@link #colors()} is how many products
 * (JVPs, VJPs or Hessian-vector products, one per colour of the pattern's colouring) computed it. The getters
 * return copies.
 */
public final class SparseMatrix {
    private final int rows;
    private final int columns;
    private final int colors;
    private final int[] rowPointers;
    private final int[] columnIndices;
    private final double[] values;

    /**
     * A CSR matrix; the arrays are copied. Checks that {@code rowPointers} has {@code rows + 1} entries from 0,
     * non-decreasing, to the number of values, and that the columns of each row increase and lie in range.
     */
    public SparseMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values, int colors) {
        if (rows < 0 || columns < 0 || colors < 0) {
            throw new IllegalArgumentException("SparseMatrix: " + rows + " rows, " + columns + " columns, " + colors
                    + " colours; none may be negative");
        }
        if (rowPointers.length != rows + 1 || rowPointers[0] != 0 || rowPointers[rows] != values.length
                || columnIndices.length != values.length) {
            throw new IllegalArgumentException("SparseMatrix: " + rowPointers.length + " row pointers (need "
                    + (rows + 1) + ", from 0 to the number of values), " + columnIndices.length + " column indices and "
                    + values.length + " values");
        }
        for (int i = 0; i < rows; i++) {
            if (rowPointers[i + 1] < rowPointers[i]) {
                throw new IllegalArgumentException("SparseMatrix: row pointers decrease at row " + i);
            }
            for (int k = rowPointers[i]; k < rowPointers[i + 1]; k++) {
                int c = columnIndices[k];
                if (c < 0 || c >= columns || (k > rowPointers[i] && c <= columnIndices[k - 1])) {
                    throw new IllegalArgumentException("SparseMatrix: row " + i + " has column " + c + " out of range "
                            + "[0, " + columns + ") or not after the previous one");
                }
            }
        }
        this.rows = rows;
        this.columns = columns;
        this.colors = colors;
        this.rowPointers = rowPointers.clone();
        this.columnIndices = columnIndices.clone();
        this.values = values.clone();
    }

    /** The number of rows (m for the Jacobian of f: [n] → [m]). */
    public int rows() {
        return rows;
    }

    /** The number of columns (n). */
    public int columns() {
        return columns;
    }

    /** The number of compressed products that computed this matrix: the colour count of its pattern. */
    public int colors() {
        return colors;
    }

    /** The number of stored entries (the pattern's non-zeros). */
    public int nonZeros() {
        return values.length;
    }

    /** A copy of the row pointers, {@code rows + 1} entries. */
    public int[] rowPointers() {
        return rowPointers.clone();
    }

    /** A copy of the column of each stored entry, row by row. */
    public int[] columnIndices() {
        return columnIndices.clone();
    }

    /** A copy of the stored values, row by row. */
    public double[] values() {
        return values.clone();
    }

    /** The entry (i, j): its stored value, or 0 when (i, j) is outside the pattern. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= columns) {
            throw new IndexOutOfBoundsException("SparseMatrix.get(" + i + ", " + j + ") of a " + rows + "×" + columns
                    + " matrix");
        }
        int k = Arrays.binarySearch(columnIndices, rowPointers[i], rowPointers[i + 1], j);
        return k >= 0 ? values[k] : 0.0;
    }

    /** The dense matrix, a [rows, columns] tensor with zeros outside the pattern. */
    public Tensor toDense() {
        double[] d = new double[Math.multiplyExact(rows, columns)];
        for (int i = 0; i < rows; i++) {
            for (int k = rowPointers[i]; k < rowPointers[i + 1]; k++) d[i * columns + columnIndices[k]] = values[k];
        }
        return Tensor.of(new int[] {rows, columns}, d);
    }

    @Override
    public String toString() {
        return "SparseMatrix[" + rows + "×" + columns + ", " + values.length + " non-zeros, " + colors + " colours]";
    }
}
