package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jynamo.spring.sample.SampleApplication;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The sample application as a user runs it: {@code main}, and its keys in {@code application.yaml}. */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTest {

    @Test
    void theSampleRunsWithNoConfigurationOnTheEmbeddedEngine(CapturedOutput output) {
        SampleApplication.main(new String[] {"--jynamo.table-prefix=spring-main-"});
        assertThat(output).contains("using the embedded engine").contains("Ada");
    }

    @Test
    void jynamoKeysAreReadFromYaml() {
        try (var context = new SpringApplicationBuilder(SampleApplication.class)
                .properties("spring.config.name=sample-yaml").run()) {
            assertThat(context.getBean(EntityManagerFactory.class).getProperties())
                    .containsEntry("jynamo.table-prefix", "spring-yaml-")
                    .containsEntry("jynamo.write-mode", "atomic")
                    .containsEntry("jynamo.scan", "deny")
                    .containsEntry("jynamo.retry.max-attempts", "4")
                    .containsEntry("jakarta.persistence.cache.retrieveMode", "BYPASS");
        }
    }
}
