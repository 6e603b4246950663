package cn.creditwindow.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled financing products and the checks a product file is held to. */
class ProductsTest {
    private static Product product(String id, long minYuan, long maxYuan, int minTerm, int maxTerm) {
        return new Product(id, "k", "k", "名", "name", "银行", "bank", minYuan, maxYuan, minTerm, maxTerm, "r", "r", false,
                "s", "s", List.of("要求"), List.of("requirement"));
    }

    @Test
    void theBundledFileLoadsInItsOrderWithEachBankOnce() {
        Products products = Products.load();
        assertThat(products.all()).extracting(Product::id).startsWith("policy-loan", "insured-receivables");
        assertThat(products.byId("policy-loan")).hasValueSatisfying(p -> {
            assertThat(p.requiresEffectivePolicy()).isTrue();
            assertThat(p.minYuan()).isEqualTo(100_000);
            assertThat(p.maxYuan()).isEqualTo(3_000_000);
        });
        assertThat(products.banks()).doesNotHaveDuplicates().startsWith("示例甲银行深圳分行", "示例乙银行");
        assertThat(products.byId("nope")).isEmpty();
        assertThat(products.byId(null)).isEmpty();
    }

    @Test
    void aProductListedTwiceIsRefused() {
        assertThatThrownBy(() -> new Products(List.of(product("a", 1, 2, 1, 2), product("a", 1, 2, 1, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("financing product a is listed twice");
    }

    @Test
    void aProductsIdAmountsAndTermsAreChecked() {
        assertThatThrownBy(() -> product("Policy Loan", 1, 2, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 1-40 lower-case letters");
        assertThatThrownBy(() -> product("a", 0, 2, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("product a: amounts must be 0 < minYuan <= maxYuan, were 0 and 2");
        assertThatThrownBy(() -> product("a", 3, 2, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> product("a", 1, 2, 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("terms must be");
        assertThatThrownBy(() -> product("a", 1, 2, 1, 121)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Product("a", "k", "k", "名", "name", "银行", "bank", 1, 2, 1, 2, "r", "r", false,
                "s", "s", List.of("一", "二"), List.of("one"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in length");
    }
}
