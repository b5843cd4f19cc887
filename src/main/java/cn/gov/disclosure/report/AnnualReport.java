package cn.gov.disclosure.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of the annual report for one year (JSON shape of DESIGN.md): Table 3 by applicant type,
 * Table 4 (reconsideration and lawsuits by outcome), and the 2017 layout's figures the new format dropped
 * (applications by channel; replies on time, after extension, late), and the information processing fees of
 * Art. 42 (notices, amounts charged and paid, waivers, unpaid) that the report's text accounts for.
 */
public record AnnualReport(int year, Table applications, Table appeals, Table channels, Table timeliness,
                           Table fees) {

    /** One table: rows in order, each with a value per column (the last column is TOTAL where it applies). */
    public record Table(List<String> columns, List<Row> rows) {
    }

    public record Row(String code, String label, Map<String, Long> values) {

        public long value(String column) {
            return values.getOrDefault(column, 0L);
        }
    }

    static Map<String, Long> zeros(List<String> columns) {
        Map<String, Long> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c, 0L));
        return m;
    }
}
