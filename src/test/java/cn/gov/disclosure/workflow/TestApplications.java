package cn.gov.disclosure.workflow;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.intake.ApplicationSubmission;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;

/** Valid applications for tests. */
public final class TestApplications {

    private TestApplications() {
    }

    public static ApplicationSubmission online(String description) {
        return new ApplicationSubmission(Channel.ONLINE, null,
                new ApplicationSubmission.Applicant(ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID_CARD,
                        "11010519491231002X", null, "13800000000", "zhangsan@example.cn", "山东省临沂市兰山区", "276000"),
                new ApplicationSubmission.Request(description, null, InformationForm.ELECTRONIC, Delivery.EMAIL, null),
                null);
    }

    /** An online application listing several items (issue 13). */
    public static ApplicationSubmission onlineItems(String... descriptions) {
        return new ApplicationSubmission(Channel.ONLINE, null,
                new ApplicationSubmission.Applicant(ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID_CARD,
                        "11010519491231002X", null, "13800000000", "zhangsan@example.cn", "山东省临沂市兰山区", "276000"),
                new ApplicationSubmission.Request(null, null, InformationForm.ELECTRONIC, Delivery.EMAIL, null,
                        java.util.Arrays.stream(descriptions).map(d -> new ApplicationSubmission.Item(d, null)).toList()),
                null);
    }

    public static final String DESIGN_EXAMPLE_JSON = """
            {
              "channel": "ONLINE",
              "receivedOn": "2026-11-23",
              "applicant": {
                "type": "NATURAL_PERSON",
                "name": "张三",
                "idType": "RESIDENT_ID_CARD",
                "idNumber": "11010519491231002X",
                "contactPerson": null,
                "phone": "13800000000",
                "email": "zhangsan@example.cn",
                "address": "山东省临沂市兰山区……",
                "postalCode": "276000"
              },
              "request": {
                "description": "2025年临沂市某路段道路拓宽工程的立项批复文件",
                "documentNumber": null,
                "form": "ELECTRONIC",
                "delivery": "EMAIL",
                "feeWaiverReason": null
              }
            }
            """;
}
