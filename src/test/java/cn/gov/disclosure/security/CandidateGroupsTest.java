package cn.gov.disclosure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * AccessSetup reads the user tasks' candidate groups with a streaming parser (start-up time); it must find exactly
 * what Camunda's model API finds in the shipped models, tasks inside subprocesses and event subprocesses included.
 */
class CandidateGroupsTest {

    @Test
    void theStreamingReadFindsWhatTheModelApiFinds() throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
                    ModelElementInstance parent = task.getParentElement();
                    while (!(parent instanceof Process)) {
                        parent = parent.getParentElement();
                    }
                    String candidates = task.getCamundaCandidateGroups();
                    if (candidates != null && !candidates.isBlank()) {
                        for (String g : candidates.split(",")) {
                            expected.computeIfAbsent(((Process) parent).getId(), k -> new TreeSet<>()).add(g.trim());
                        }
                    }
                }
            }
        }

        assertThat(expected).containsKeys("disclosure-application", "appeal", "consultation");
        assertThat(AccessSetup.candidateGroupsByProcess()).isEqualTo(expected);
    }
}
