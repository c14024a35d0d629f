package io.gridkeeper.jcache.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.junit.jupiter.api.Test;

final class ExpiryCalculatorTest {

    @Test
    void forCreation_throwingPolicy_isEternal() {
        ExpiryCalculator calculator = new ExpiryCalculator(new ThrowingPolicy());

        assertThat(calculator.forCreation()).isEqualTo(ExpiryCalculator.ETERNAL);
    }

    @Test
    void forUpdateAndAccess_throwingPolicy_leaveExpiryUnchanged() {
        ExpiryCalculator calculator = new ExpiryCalculator(new ThrowingPolicy());

        assertThat(calculator.forUpdate()).isEqualTo(ExpiryCalculator.UNCHANGED);
        assertThat(calculator.forAccess()).isEqualTo(ExpiryCalculator.UNCHANGED);
    }

    @Test
    void forCreation_zeroDuration_expiresNow() {
        ExpiryCalculator calculator = new ExpiryCalculator(new CreatedExpiryPolicy(Duration.ZERO));

        assertThat(calculator.forCreation()).isEqualTo(ExpiryCalculator.EXPIRE_NOW);
    }

    @Test
    void forUpdate_durationInSeconds_isMilliseconds() {
        ExpiryCalculator calculator = new ExpiryCalculator(new ModifiedExpiryPolicy(new Duration(TimeUnit.SECONDS, 3)));

        assertThat(calculator.forUpdate()).isEqualTo(3000);
    }

    @Test
    void forAccess_createdPolicy_leavesExpiryUnchanged() {
        ExpiryCalculator calculator = new ExpiryCalculator(new CreatedExpiryPolicy(Duration.ONE_MINUTE));

        assertThat(calculator.forAccess()).isEqualTo(ExpiryCalculator.UNCHANGED);
    }

    @Test
    void isEternal_eternalPolicy_isTrue() {
        assertThat(new ExpiryCalculator(new EternalExpiryPolicy()).isEternal()).isTrue();
        assertThat(new ExpiryCalculator(new CreatedExpiryPolicy(Duration.ONE_DAY)).isEternal())
                .isFalse();
    }

    private static final class ThrowingPolicy implements ExpiryPolicy {
        @Override
        public Duration getExpiryForCreation() {
            throw new IllegalStateException("creation");
        }

        @Override
        public Duration getExpiryForAccess() {
            throw new IllegalStateException("access");
        }

        @Override
        public Duration getExpiryForUpdate() {
            throw new IllegalStateException("update");
        }
    }
}
