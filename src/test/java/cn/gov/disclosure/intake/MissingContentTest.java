package cn.gov.disclosure.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;
import cn.gov.disclosure.common.FieldError;

/** 不拒收: what a staff registration lacks becomes items; the stored case says so instead of guessing. */
class MissingContentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aLetterWithNothingButItsSenderTypeIsRegisteredAndEverythingElseAskedFor() {
        var a = new ApplicationSubmission.Applicant(ApplicantType.NATURAL_PERSON, null, null, null, null, "call me",
                "zhang@", null, null);
        var s = new ApplicationSubmission(Channel.LETTER, TODAY, a, null, null).normalized();
        ApplicationValidator.Checked checked = ApplicationValidator.check(s, true, TODAY);
        assertThat(checked.refusals()).isEmpty();
        assertThat(checked.missing()).extracting(FieldError::field).contains("applicant.name", "applicant.idType",
                "applicant.idNumber", "applicant.phone", "applicant.email", "request");
        List<String> items = MissingContent.items(checked.missing(), s);
        assertThat(items).anyMatch(i -> i.contains("电子邮箱格式不正确") && i.contains("来件所写：zhang@"))
                .anyMatch(i -> i.contains("联系电话格式不正确") && i.contains("call me"))
                .doesNotHaveDuplicates();

        ApplicationCase c = MissingContent.provisionalDraft(s, TODAY, TODAY.plusDays(28));
        assertThat(c.applicantName()).contains("未载明");
        assertThat(c.description()).contains("未载明");
        assertThat(c.idType()).isEqualTo(IdType.OTHER);
        assertThat(c.idNumber()).isEmpty();
        assertThat(c.email()).isNull();
        assertThat(c.phone()).isNull();
        // No way to reach the applicant at all: the notices wait at the office for collection.
        assertThat(c.delivery()).isEqualTo(Delivery.PICKUP);
        assertThat(c.form()).isEqualTo(InformationForm.PAPER);
    }

    @Test
    void theApplicantsChoiceStandsWhereItCanBeCarriedOut() {
        assertThat(MissingContent.deliveryFor(Delivery.POST, "a@b.cn", "某地址")).isEqualTo(Delivery.POST);
        assertThat(MissingContent.deliveryFor(Delivery.EMAIL, "a@b.cn", null)).isEqualTo(Delivery.EMAIL);
        assertThat(MissingContent.deliveryFor(Delivery.PICKUP, null, null)).isEqualTo(Delivery.PICKUP);
        assertThat(MissingContent.deliveryFor(Delivery.EMAIL, null, "某地址")).isEqualTo(Delivery.POST);
        assertThat(MissingContent.deliveryFor(Delivery.ONLINE, null, "某地址")).isEqualTo(Delivery.POST);
        assertThat(MissingContent.deliveryFor(Delivery.POST, "a@b.cn", null)).isEqualTo(Delivery.EMAIL);
        assertThat(MissingContent.deliveryFor(null, "a@b.cn", "某地址")).isEqualTo(Delivery.EMAIL);
        assertThat(MissingContent.deliveryFor(null, null, "某地址")).isEqualTo(Delivery.POST);
        assertThat(MissingContent.deliveryFor(Delivery.EMAIL, null, null)).isEqualTo(Delivery.PICKUP);
    }

    @Test
    void faultsOfTheEntryAreRefusedEvenForStaff() {
        var a = new ApplicationSubmission.Applicant(null, "张".repeat(101), null, null, null, null, null, null, null);
        var r = new ApplicationSubmission.Request("某文件\u0000名称", null, null, null, null);
        ApplicationValidator.Checked checked = ApplicationValidator.check(
                new ApplicationSubmission(null, TODAY.plusDays(1), a, r, null), true, TODAY);
        assertThat(checked.refusals()).extracting(FieldError::field).containsExactlyInAnyOrder("channel",
                "receivedOn", "applicant.type", "applicant.name", "request.description");
    }
}
