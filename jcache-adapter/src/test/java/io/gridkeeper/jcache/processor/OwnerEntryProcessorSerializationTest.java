package io.gridkeeper.jcache.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.Map;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class OwnerEntryProcessorSerializationTest {

    private final InternalSerializationService serialization = new DefaultSerializationServiceBuilder().build();

    @AfterEach
    void tearDown() {
        serialization.dispose();
    }

    @Test
    void isStateless_classWithoutInstanceFields_isTrue() {
        assertThat(ProcessorForm.isStateless(Increment.class)).isTrue();
    }

    @Test
    void isStateless_classWithInstanceField_isFalse() {
        assertThat(ProcessorForm.isStateless(AddAmount.class)).isFalse();
    }

    @Test
    void isStateless_serializableLambda_isFalse() {
        EntryProcessor<String, Integer, Integer> lambda =
                (EntryProcessor<String, Integer, Integer> & Serializable) (entry, arguments) -> 1;

        assertThat(ProcessorForm.isStateless(lambda.getClass())).isFalse();
    }

    @Test
    void roundTrip_statelessProcessor_travelsAsIdentifiedDataAndRuns() {
        Data data = serialization.toData(new OwnerEntryProcessor<>(new Increment(), new Object[0], true));

        OwnerEntryProcessor<String, Integer, Integer> received = serialization.toObject(data);
        OwnerResult<Integer, Integer> result = received.process(new AbstractMap.SimpleEntry<>("key", 41));

        assertThat(data.getType()).isEqualTo(-2); // Hazelcast's type id of DataSerializable, identified or not
        assertThat(result.result()).isEqualTo(42);
        assertThat(result.action()).isEqualTo(EntryAction.UPDATED);
        assertThat(result.original()).isEqualTo(41);
        assertThat(result.value()).isEqualTo(42);
    }

    @Test
    void roundTrip_statefulProcessor_keepsItsStateAndArguments() {
        Data data = serialization.toData(new OwnerEntryProcessor<>(new AddAmount(5), new Object[] {"note"}, false));

        OwnerEntryProcessor<String, Integer, Integer> received = serialization.toObject(data);
        Map.Entry<String, Integer> entry = new AbstractMap.SimpleEntry<>("key", 10);
        OwnerResult<Integer, Integer> result = received.process(entry);

        assertThat(result.result()).isEqualTo(15);
        assertThat(entry.getValue()).isEqualTo(15);
        assertThat(result.original()).isNull(); // values travel only when asked for
    }

    @Test
    void roundTrip_result_keepsFailure() {
        Data data = serialization.toData(new OwnerEntryProcessor<>(new Failing(), new Object[0], false));

        OwnerEntryProcessor<String, Integer, Integer> received = serialization.toObject(data);
        OwnerResult<Integer, Integer> result =
                serialization.toObject(serialization.toData(received.process(new AbstractMap.SimpleEntry<>("k", 1))));

        assertThat(result.failure()).isInstanceOf(IllegalStateException.class).hasMessage("failing on purpose");
        assertThat(result.existed()).isTrue();
        assertThat(result.action()).isEqualTo(EntryAction.NONE);
    }

    static final class Increment implements EntryProcessor<String, Integer, Integer>, Serializable {
        @Override
        public Integer process(MutableEntry<String, Integer> entry, Object... arguments) {
            int next = entry.exists() ? entry.getValue() + 1 : 1;
            entry.setValue(next);
            return next;
        }
    }

    static final class AddAmount implements EntryProcessor<String, Integer, Integer>, Serializable {
        private final int amount;

        AddAmount(int amount) {
            this.amount = amount;
        }

        @Override
        public Integer process(MutableEntry<String, Integer> entry, Object... arguments) {
            assertThat(arguments).containsExactly("note");
            int next = entry.getValue() + amount;
            entry.setValue(next);
            return next;
        }
    }

    static final class Failing implements EntryProcessor<String, Integer, Integer>, Serializable {
        @Override
        public Integer process(MutableEntry<String, Integer> entry, Object... arguments) {
            throw new IllegalStateException("failing on purpose");
        }
    }
}
