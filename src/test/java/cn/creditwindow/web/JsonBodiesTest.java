package cn.creditwindow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    private static final String JSON = "application/json";
    private final JsonBodies bodies = new JsonBodies(Json.mapper());

    record Bank(String swift, String country) {
    }

    record Form(Long buyerId, Integer termMonths, String name, Bank bank, Map<String, Boolean> answers, List<Bank> others,
                boolean ticked) {
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void namesEveryUnreadableFieldAtOnceAndKeepsTheRest() { // #13
        Input<Form> in = bodies.input(JSON, """
                {"buyerId": "abc", "termMonths": [1], "name": "Gulf Star", "bank": {"swift": "X", "branch": 1},
                 "answers": {"DISPUTE": "perhaps", "FINANCING": false}, "others": [{"swift": "Y", "country": {}}], "colour": "red"}""",
                Form.class);
        assertThat(fields(in.unreadable())).containsExactlyInAnyOrder("buyerId", "termMonths", "bank.branch",
                "answers.DISPUTE", "others[0].country", "colour");
        assertThat(in.value().name()).isEqualTo("Gulf Star");
        assertThat(in.value().bank().swift()).isEqualTo("X");
        assertThat(in.value().buyerId()).isNull();
        assertThat(in.value().answers()).containsExactly(Map.entry("FINANCING", false));
        assertThat(in.value().others().get(0).swift()).isEqualTo("Y");
    }

    record Amounts(java.math.BigDecimal price, Integer count, Long id, double ratio) {
    }

    // #13, found by InputFuzzIT: {"price": 1e400} was read as Infinity, whose conversion threw past the reader (a 500)
    @Test
    void numbersOutOfRangeAreNamedAndExactOnesKept() {
        Input<Amounts> huge = bodies.input(JSON, "{\"price\": 1e400, \"count\": 1e400, \"id\": 99999999999999999999,"
                + " \"ratio\": 0.8}", Amounts.class);
        assertThat(fields(huge.unreadable())).containsExactlyInAnyOrder("count", "id");
        assertThat(huge.value().price()).isEqualByComparingTo("1e400");
        assertThat(huge.value().ratio()).isEqualTo(0.8);
        Input<Amounts> exact = bodies.input(JSON, "{\"price\": 0.1, \"count\": 3, \"id\": 7, \"ratio\": 1e-3}",
                Amounts.class);
        assertThat(exact.unreadable()).isEmpty();
        assertThat(exact.value().price()).isEqualTo(new java.math.BigDecimal("0.1"));
    }

    record Batch(List<Bank> banks, List<String> codes, java.util.Set<String> scopes) {
        Batch {
            banks = banks == null ? null : List.copyOf(banks);
            codes = codes == null ? null : List.copyOf(codes);
            scopes = scopes == null ? null : java.util.Set.copyOf(scopes);
        }
    }

    // #13: an unreadable or null list element was kept as null, and List.copyOf in the record failed with a 500
    @Test
    void aListElementThatCannotBeReadIsNamedAndLeftOut() {
        Input<Batch> in = bodies.input(JSON, "{\"banks\": [5, null, {\"swift\": \"X\"}], \"codes\": [null, \"AE\"],"
                + " \"scopes\": [\"feeds:push\", null]}",
                Batch.class);
        assertThat(fields(in.unreadable())).containsExactlyInAnyOrder("banks[0]", "banks[1]", "codes[0]",
                "scopes[1]");
        assertThat(in.value().banks()).extracting(Bank::swift).containsExactly("X");
        assertThat(in.value().codes()).containsExactly("AE");
        assertThat(in.value().scopes()).containsExactly("feeds:push");
    }

    @Test
    void anEmptyBodyIsAFormWithNothingGiven() { // #13: the domain names the missing fields after its state checks
        for (String type : java.util.Arrays.asList(JSON, null)) {
            Input<Form> in = bodies.input(type, "", Form.class);
            assertThat(in.unreadable()).isEmpty();
            assertThat(in.value()).isEqualTo(new Form(null, null, null, null, null, null, false));
        }
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsNamedAloneByCheck() {
        for (String body : List.of("not json", "[1, 2]", "null")) {
            Input<Form> in = bodies.input(JSON, body, Form.class);
            assertThat(fields(in.unreadable())).containsExactly("body");
            assertThatThrownBy(() -> in.check((f, errors) -> errors.add(new FieldError("name", "必填", "required"))))
                    .satisfies(t -> assertThat(fields(((InvalidInputException) t).errors())).containsExactly("body"));
        }
        assertThat(fields(bodies.input("text/plain", "{}", Form.class).unreadable())).containsExactly("body");
    }

    @Test
    void checkNamesUnreadableFieldsOnceWithTheRulesErrors() { // #13
        Input<Form> in = bodies.input(JSON, "{\"buyerId\": \"abc\", \"bank\": 5}", Form.class);
        assertThatThrownBy(() -> in.check((f, errors) -> {
            errors.add(new FieldError("buyerId", "请选择买方", "choose a buyer"));
            errors.add(new FieldError("bank.swift", "请填写", "required"));
            errors.add(new FieldError("name", "请填写名称", "the name is required"));
            return f;
        })).satisfies(t -> assertThat(((InvalidInputException) t).errors()).extracting(FieldError::field, FieldError::en)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("buyerId", "field 'buyerId' has a value of the wrong type"),
                        org.assertj.core.groups.Tuple.tuple("bank", "field 'bank' has a value of the wrong type"),
                        org.assertj.core.groups.Tuple.tuple("name", "the name is required")));
        String checked = Input.of("x").check((v, errors) -> v + "!");
        assertThat(checked).isEqualTo("x!");
    }

    @Test
    void anExplicitNullForAPrimitiveIsUnreadable() {
        assertThat(fields(bodies.input(JSON, "{\"ticked\": null}", Form.class).unreadable())).containsExactly("ticked");
        assertThat(bodies.input(JSON, "{\"ticked\": true}", Form.class).value().ticked()).isTrue();
    }
}
