package fr.passerelle.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class DemoDataTest {

    private final List<String> ran = new ArrayList<>();

    @Test
    void seedersRunInAscendingOrderWhateverTheOrderOfTheBeans() {
        DemoData demoData = demoData(true, seeder(300, "offers", 4), seeder(100, "accounts", 3), seeder(200, "companies", 300));

        List<DemoData.Result> results = demoData.seedAll();

        assertThat(ran).containsExactly("accounts", "companies", "offers");
        assertThat(results).extracting(DemoData.Result::name).containsExactly("accounts", "companies", "offers");
        assertThat(results).extracting(DemoData.Result::created).containsExactly(3, 300, 4);
        assertThat(results).allSatisfy(result -> assertThat(result.failure()).isNull());
    }

    @Test
    void aFailingSeederIsReportedAndTheNextOnesStillRun() {
        var broken = new IllegalStateException("no reference data");
        DemoData demoData = demoData(true, seeder(200, "companies", 300), failing(100, "accounts", broken), seeder(300, "offers", 4));

        List<DemoData.Result> results = demoData.seedAll();

        assertThat(ran).containsExactly("accounts", "companies", "offers");
        assertThat(results.getFirst().failure()).isSameAs(broken);
        assertThat(results.getFirst().created()).isZero();
        assertThat(results.subList(1, 3)).extracting(DemoData.Result::created).containsExactly(300, 4);
    }

    @Test
    void onlyInDemoMode() {
        demoData(false, seeder(100, "accounts", 3)).seedWhenReady();
        assertThat(ran).isEmpty();

        demoData(true, seeder(100, "accounts", 3)).seedWhenReady();
        assertThat(ran).containsExactly("accounts");
    }

    @Test
    void demoModeIsTheEmbeddedDefaultUnlessSaidOtherwise() {
        var factory = new StaticListableBeanFactory();
        var seeders = factory.getBeanProvider(DemoSeeder.class);
        assertThat(new DemoData(seeders, new DatabaseMode(true, "embedded"), null).enabled()).isTrue();
        assertThat(new DemoData(seeders, new DatabaseMode(false, "external"), null).enabled()).isFalse();
        assertThat(new DemoData(seeders, new DatabaseMode(false, "external"), true).enabled()).isTrue();
        assertThat(new DemoData(seeders, new DatabaseMode(true, "embedded"), false).enabled()).isFalse();
    }

    private DemoData demoData(boolean demo, DemoSeeder... seeders) {
        var factory = new StaticListableBeanFactory();
        for (DemoSeeder seeder : seeders) {
            factory.addBean(seeder.name(), seeder);
        }
        return new DemoData(factory.getBeanProvider(DemoSeeder.class), new DatabaseMode(false, "external"), demo);
    }

    private DemoSeeder seeder(int order, String name, int created) {
        return new Seeder(order, name, () -> {
            ran.add(name);
            return created;
        });
    }

    private DemoSeeder failing(int order, String name, RuntimeException failure) {
        return new Seeder(order, name, () -> {
            ran.add(name);
            throw failure;
        });
    }

    private record Seeder(int order, String name, java.util.function.IntSupplier work) implements DemoSeeder {
        @Override
        public int seed() {
            return work.getAsInt();
        }
    }
}
