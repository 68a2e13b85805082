package dev.cotangent.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a {@code Row} of a {@code Dataset<Row>} as an {@link Example}: the label from a numeric column, the
 * features from one column of a numeric array type or from several numeric columns, in the order given. The
 * column names and types are checked once, on the driver; a null or non-finite value is reported with its
 * partition and row when the examples are read.
 */
public final class Rows {
    private Rows() {}

    /**
     * The reader of rows of {@code schema}.
     *
     * @throws IllegalArgumentException naming the column and the schema if a column is missing or not numeric
     */
    public static ExampleReader<Row> reader(StructType schema, String label, List<String> features) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("Rows.reader: no feature columns given; name an array column or the "
                    + "numeric columns, of " + schema.simpleString());
        }
        int labelIndex = index(schema, label, "label");
        if (!(schema.fields()[labelIndex].dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("Rows.reader: label column '" + label + "' is "
                    + schema.fields()[labelIndex].dataType().simpleString() + "; give a numeric column");
        }
        int[] cols = new int[features.size()];
        for (int j = 0; j < cols.length; j++) cols[j] = index(schema, features.get(j), "feature");
        DataType first = schema.fields()[cols[0]].dataType();
        boolean array = cols.length == 1 && first instanceof ArrayType a && a.elementType() instanceof NumericType;
        if (!array) {
            for (int c : cols) {
                if (!(schema.fields()[c].dataType() instanceof NumericType)) {
                    throw new IllegalArgumentException("Rows.reader: feature column '" + schema.fields()[c].name()
                            + "' is " + schema.fields()[c].dataType().simpleString() + "; give numeric columns or "
                            + "one array<double> column");
                }
            }
        }
        return row -> new Example(array ? arrayFeatures(row, cols[0]) : columnFeatures(row, cols),
                number(row, labelIndex));
    }

    private static int index(StructType schema, String name, String role) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("Rows.reader: no " + role + " column '" + name + "' in "
                    + schema.simpleString());
        }
        return schema.fieldIndex(name);
    }

    private static double[] arrayFeatures(Row row, int col) {
        if (row.isNullAt(col)) throw new IllegalArgumentException("the features are null");
        List<Object> values = row.getList(col);
        double[] f = new double[values.size()];
        for (int j = 0; j < f.length; j++) {
            if (values.get(j) == null) throw new IllegalArgumentException("feature " + j + " is null");
            f[j] = ((Number) values.get(j)).doubleValue();
        }
        return f;
    }

    private static double[] columnFeatures(Row row, int[] cols) {
        double[] f = new double[cols.length];
        for (int j = 0; j < f.length; j++) f[j] = number(row, cols[j]);
        return f;
    }

    private static double number(Row row, int col) {
        if (row.isNullAt(col)) {
            throw new IllegalArgumentException("column '" + row.schema().fieldNames()[col] + "' is null");
        }
        return ((Number) row.get(col)).doubleValue();
    }
}
