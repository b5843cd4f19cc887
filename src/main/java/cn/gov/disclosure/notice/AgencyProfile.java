package cn.gov.disclosure.notice;

import cn.gov.disclosure.common.Texts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Who the office is and where applicants can take a reply they disagree with (Art. 51). Every notice
 * names these bodies, their addresses and the time limits; configure them under {@code disclosure.agency}.
 */
@Validated
@ConfigurationProperties(prefix = "disclosure.agency")
public record AgencyProfile(
        @NotBlank String name,
        @NotBlank String officeName,
        @NotBlank String address,
        String postalCode,
        String phone,
        String email,
        @NotNull @Valid Body reconsiderationBody,
        @NotNull @Valid Body court,
        @Valid Body supervisoryBody,
        String paymentInstructions) {

    /** How applicants pay a processing fee (Art. 42); printed on the fee notice. */
    public String paymentInstructionsOrDefault() {
        return paymentInstructions == null || paymentInstructions.isBlank()
                ? Texts.get("notice.fee.payAtOffice", officeName) : paymentInstructions;
    }

    /** A body that receives complaints, reconsideration applications or lawsuits. */
    public record Body(@NotBlank String name, @NotBlank String address) {
    }
}
