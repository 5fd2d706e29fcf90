package io.qbank.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void problemsCarryStatusTitleDetailAndATypeUri() {
        Problem notFound = ApiException.notFound("Item", "42").toProblem();
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.title()).isEqualTo("Not found");
        assertThat(notFound.detail()).isEqualTo("Item 42 does not exist");
        assertThat(notFound.type()).isEqualTo("https://qbank.io/problems/404");

        Problem invalid = ApiException.unprocessable("2 problems", List.of(new Problem.Violation("options", "one must be correct")))
                .toProblem();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.violations()).extracting(Problem.Violation::field).containsExactly("options");
        assertThat(ApiException.conflict("x").status()).isEqualTo(409);
    }

    @Test
    void jsonPathsNameTheFieldAsTheClientSentIt() {
        var ref1 = new com.fasterxml.jackson.databind.JsonMappingException.Reference(null, "options");
        var ref2 = new com.fasterxml.jackson.databind.JsonMappingException.Reference(null, 2);
        var ref3 = new com.fasterxml.jackson.databind.JsonMappingException.Reference(null, "correct");
        assertThat(ProblemMappers.pathOf(List.of(ref1, ref2, ref3))).isEqualTo("options[2].correct");
    }
}
