package cn.gov.disclosure.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.gov.disclosure.notice.ReplyCatalogue;

/**
 * The annual-report rule for an application whose items end differently (one application, one 件, one row of
 * Table 3): the table of item outcomes → case-level reply type → report row, under each configurable rule.
 */
class MixedItemsRuleTest {

    private static final ReplyCatalogue CATALOGUE = new ReplyCatalogue();

    /** {@code items}: outcomes in item order, a withholding ground after a colon. */
    @ParameterizedTest(name = "{0} | {1} → {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            PARTIAL_IF_ANY_PROVIDED | DISCLOSED                                   | DISCLOSED           | DISCLOSED
            PARTIAL_IF_ANY_PROVIDED | NOT_HELD NOT_HELD                           | NOT_HELD            | CANNOT_PROVIDE_NOT_HELD
            PARTIAL_IF_ANY_PROVIDED | DISCLOSED NOT_HELD                          | PARTIALLY_DISCLOSED | PARTIALLY_DISCLOSED
            PARTIAL_IF_ANY_PROVIDED | ALREADY_PUBLIC NOT_DISCLOSED:STATE_SECRET   | PARTIALLY_DISCLOSED | PARTIALLY_DISCLOSED
            PARTIAL_IF_ANY_PROVIDED | PARTIALLY_DISCLOSED:THIRD_PARTY_RIGHTS DISCLOSED | PARTIALLY_DISCLOSED | PARTIALLY_DISCLOSED
            PARTIAL_IF_ANY_PROVIDED | ALREADY_PUBLIC DISCLOSED                    | DISCLOSED           | DISCLOSED
            PARTIAL_IF_ANY_PROVIDED | NOT_HELD NOT_DISCLOSED:PROCESS_INFORMATION  | NOT_DISCLOSED       | WITHHELD_PROCESS_INFORMATION
            PARTIAL_IF_ANY_PROVIDED | REPEAT NEEDS_CREATION                       | NEEDS_CREATION      | CANNOT_PROVIDE_NEEDS_CREATION
            PARTIAL_IF_ANY_PROVIDED | PETITION OTHER_HANDLING                     | PETITION            | NOT_PROCESSED_PETITION
            FIRST_ITEM              | DISCLOSED NOT_HELD                          | DISCLOSED           | DISCLOSED
            FIRST_ITEM              | NOT_HELD DISCLOSED                          | NOT_HELD            | CANNOT_PROVIDE_NOT_HELD
            FIRST_ITEM              | NOT_DISCLOSED:ENFORCEMENT_FILES DISCLOSED   | NOT_DISCLOSED       | WITHHELD_ENFORCEMENT_FILES
            FIRST_ITEM              | NOT_HELD NOT_HELD                           | NOT_HELD            | CANNOT_PROVIDE_NOT_HELD
            """)
    void mixedOutcomesCountOnceUnderTheConfiguredRule(MixedItemsRule rule, String items, String caseType,
                                                      String reportRow) {
        List<ItemDecision> decisions = Arrays.stream(items.trim().split("\\s+")).map(s -> {
            String[] parts = s.split(":");
            return new ItemDecision(parts[0], parts.length > 1 ? List.of(parts[1]) : List.of(), null, null, null,
                    null, "clerk", null);
        }).toList();
        MixedItemsRule.CaseOutcome outcome = rule.derive(decisions, CATALOGUE);
        assertThat(outcome.replyType()).isEqualTo(caseType);
        // The row the annual report counts: the type's own row, or for 不予公开 its primary (first) ground's row.
        ReplyCatalogue.ReplyType type = CATALOGUE.require(outcome.replyType());
        String row = type.annualReportRow() != null ? type.annualReportRow()
                : CATALOGUE.reason(outcome.reasonCodes().get(0)).orElseThrow().annualReportRow();
        assertThat(row).isEqualTo(reportRow);
    }
}
