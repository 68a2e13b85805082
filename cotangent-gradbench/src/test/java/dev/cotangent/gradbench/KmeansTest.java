package dev.cotangent.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** kmeans' tie rule: a point equidistant from two centroids belongs to the lower one, in the cost and in dir. */
class KmeansTest {
    @Test
    void aTieGoesToTheLowestCentroid() throws IOException {
        Server server = Server.standard(null);
        String input = "{\"points\":[[1],[0],[2]],\"centroids\":[[0],[2]],\"min_runs\":1,\"min_seconds\":0}";
        JsonNode cost = Workloads.MAPPER.readTree(server.handle("{\"id\":1,\"kind\":\"evaluate\",\"module\":\"kmeans\","
                + "\"function\":\"cost\",\"input\":" + input + "}"));
        assertEquals(1.0, cost.get("output").asDouble(), 1e-12);
        JsonNode dir = Workloads.MAPPER.readTree(server.handle("{\"id\":2,\"kind\":\"evaluate\",\"module\":\"kmeans\","
                + "\"function\":\"dir\",\"input\":" + input + "}"));
        // S_0 = {1, 0}, S_1 = {2}: dir_j = C_j − mean(S_j); splitting the tie would give −1/3 for j = 0
        assertArrayEquals(new double[] {-0.5, 0.0}, new double[] {dir.get("output").get(0).get(0).asDouble(),
            dir.get("output").get(1).get(0).asDouble()}, 1e-12, dir.toString());
    }
}
