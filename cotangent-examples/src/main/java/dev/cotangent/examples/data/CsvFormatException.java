package dev.cotangent.examples.data;

/** A malformed row of a data file: says which file, which row (1-based) and what was wrong. */
public final class CsvFormatException extends IllegalArgumentException {
    private final int row;

    public CsvFormatException(String source, int row, String problem) {
        super(source + " row " + row + ": " + problem);
        this.row = row;
    }

    /** The 1-based row (line) number of the bad row. */
    public int row() {
        return row;
    }
}
