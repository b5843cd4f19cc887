package cn.gov.disclosure.report;

import java.nio.charset.StandardCharsets;

/** The report as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese correctly). */
final class AnnualReportCsv {

    private AnnualReportCsv() {
    }

    static byte[] write(AnnualReport report) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        table(sb, "applications", report.applications());
        table(sb, "appeals", report.appeals());
        table(sb, "channels", report.channels());
        table(sb, "timeliness", report.timeliness());
        table(sb, "fees", report.fees());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder sb, String name, AnnualReport.Table table) {
        sb.append("table,code,label");
        table.columns().forEach(c -> sb.append(',').append(c));
        sb.append("\r\n");
        for (AnnualReport.Row row : table.rows()) {
            sb.append(name).append(',').append(row.code()).append(',').append(quote(row.label()));
            table.columns().forEach(c -> sb.append(',').append(row.value(c)));
            sb.append("\r\n");
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
