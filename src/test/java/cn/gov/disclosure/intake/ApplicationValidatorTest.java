package cn.gov.disclosure.intake;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.disclosure.common.FieldError;

class ApplicationValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static ApplicationSubmission valid() {
        return new ApplicationSubmission(Channel.ONLINE, null,
                new ApplicationSubmission.Applicant(ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID_CARD,
                        "11010519491231002X", null, "13800000000", "zhangsan@example.cn", null, null),
                new ApplicationSubmission.Request("2025年某路段道路拓宽工程的立项批复文件", null,
                        InformationForm.ELECTRONIC, Delivery.EMAIL, null),
                null);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsTheDesignExample() {
        assertThat(ApplicationValidator.validate(valid(), false, TODAY)).isEmpty();
    }

    @Test
    void anonymousMayOnlyApplyOnline() {
        ApplicationSubmission s = valid();
        ApplicationSubmission fax = new ApplicationSubmission(Channel.FAX, null, s.applicant(), s.request(), null);
        assertThat(fields(ApplicationValidator.validate(fax, false, TODAY))).containsExactly("channel");
        assertThat(ApplicationValidator.validate(fax, true, TODAY)).isEmpty();
    }

    @Test
    void staffCannotDateReceiptInTheFuture() {
        ApplicationSubmission s = valid();
        ApplicationSubmission later = new ApplicationSubmission(Channel.LETTER, TODAY.plusDays(1), s.applicant(),
                s.request(), null);
        List<FieldError> errors = ApplicationValidator.validate(later, true, TODAY);
        assertThat(fields(errors)).containsExactly("receivedOn");
        assertThat(errors.get(0).message()).contains("不能晚于今天");
    }

    @Test
    void needsAWayToReachTheApplicant() {
        ApplicationSubmission s = valid();
        var a = s.applicant();
        var noContact = new ApplicationSubmission.Applicant(a.type(), a.name(), a.idType(), a.idNumber(), null,
                a.phone(), null, null, null);
        var r = new ApplicationSubmission.Request(s.request().description(), null, InformationForm.PAPER,
                Delivery.PICKUP, null);
        List<FieldError> errors = ApplicationValidator.validate(
                new ApplicationSubmission(Channel.ONLINE, null, noContact, r, null), false, TODAY);
        assertThat(errors).extracting(FieldError::message).anyMatch(m -> m.contains("电子邮箱或通信地址"));
    }

    @Test
    void emailDeliveryNeedsEmailAndPostNeedsAddress() {
        ApplicationSubmission s = valid();
        var a = s.applicant();
        var onlyAddress = new ApplicationSubmission.Applicant(a.type(), a.name(), a.idType(), a.idNumber(), null,
                null, null, "临沂市兰山区", "276000");
        List<FieldError> errors = ApplicationValidator.validate(
                new ApplicationSubmission(Channel.ONLINE, null, onlyAddress, s.request(), null), false, TODAY);
        assertThat(fields(errors)).containsExactly("applicant.email");
    }

    @Test
    void organisationNeedsCreditCodeAndContactPerson() {
        var org = new ApplicationSubmission.Applicant(ApplicantType.COMMERCIAL_ENTERPRISE, "某某有限公司",
                IdType.RESIDENT_ID_CARD, "11010519491231002X", null, null, "a@b.cn", null, null);
        List<FieldError> errors = ApplicationValidator.validate(
                new ApplicationSubmission(Channel.ONLINE, null, org, valid().request(), null), false, TODAY);
        assertThat(fields(errors)).containsExactlyInAnyOrder("applicant.idType", "applicant.contactPerson");
    }

    @Test
    void lengthLimitsAndChecksums() {
        var a = new ApplicationSubmission.Applicant(ApplicantType.NATURAL_PERSON, "张".repeat(101),
                IdType.RESIDENT_ID_CARD, "110105194912310021", null, "abc", "not-an-email", null, "12345");
        var r = new ApplicationSubmission.Request("短", null, null, null, null);
        List<FieldError> errors = ApplicationValidator.validate(
                new ApplicationSubmission(null, null, a, r, null), false, TODAY);
        assertThat(fields(errors)).contains("channel", "applicant.name", "applicant.idNumber", "applicant.phone",
                "applicant.email", "applicant.postalCode", "request.description", "request.form",
                "request.delivery");
        assertThat(errors).allMatch(e -> e.message().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF));
    }

    @Test
    void controlCharactersAreRejected() {
        ApplicationSubmission s = valid();
        var r = new ApplicationSubmission.Request("某文件\u0000名称内容", null, InformationForm.ELECTRONIC,
                Delivery.EMAIL, null);
        assertThat(fields(ApplicationValidator.validate(
                new ApplicationSubmission(Channel.ONLINE, null, s.applicant(), r, null), false, TODAY)))
                .containsExactly("request.description");
    }

    @Test
    void radicalsAreNormalisedToIdeographs() {
        assertThat(TextNormalizer.clean(" \u2F08\u6C11 ")).isEqualTo("人民");
    }
}
