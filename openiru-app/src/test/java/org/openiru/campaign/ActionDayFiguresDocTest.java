package org.openiru.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/reports.md gives the figures' statements word for word, so that an auditor runs what the code runs. */
class ActionDayFiguresDocTest {
    @Test
    void theDocumentCarriesEveryStatementAsTheCodeRunsIt() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "reports.md"));
        for (Map.Entry<String, String> s : ActionDayFiguresQuery.statements().entrySet()) {
            assertThat(doc).as(s.getKey()).contains("### " + s.getKey() + "\n\n```sql\n" + s.getValue() + "\n```");
        }
    }
}
