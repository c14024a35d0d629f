package io.gridkeeper.jcache.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class CallerMutableEntryTest {

    @Test
    void setValue_absentEntry_isCreated() {
        CallerMutableEntry<String, String> entry = new CallerMutableEntry<>("key", null, null);

        entry.setValue("value");

        assertThat(entry.action()).isEqualTo(EntryAction.CREATED);
        assertThat(entry.exists()).isTrue();
    }

    @Test
    void setValue_presentEntry_isUpdated() {
        CallerMutableEntry<String, String> entry = new CallerMutableEntry<>("key", "old", null);

        entry.setValue("new");

        assertThat(entry.action()).isEqualTo(EntryAction.UPDATED);
        assertThat(entry.getValue()).isEqualTo("new");
    }

    @Test
    void remove_afterCreatingInTheSameProcessor_leavesNothingToDo() {
        CallerMutableEntry<String, String> entry = new CallerMutableEntry<>("key", null, null);

        entry.setValue("value");
        entry.remove();

        assertThat(entry.action()).isEqualTo(EntryAction.NONE);
    }

    @Test
    void remove_absentEntry_stillDeletesThroughTheWriter() {
        CallerMutableEntry<String, String> entry = new CallerMutableEntry<>("key", null, null);

        entry.remove();

        assertThat(entry.action()).isEqualTo(EntryAction.REMOVED);
    }

    @Test
    void getValue_absentEntryWithReadThrough_loadsOnce() {
        int[] loads = {0};
        CallerMutableEntry<String, String> entry = new CallerMutableEntry<>("key", null, key -> {
            loads[0]++;
            return "loaded-" + key;
        });

        assertThat(entry.getValue()).isEqualTo("loaded-key");
        assertThat(entry.getValue()).isEqualTo("loaded-key");

        assertThat(loads[0]).isEqualTo(1);
        assertThat(entry.action()).isEqualTo(EntryAction.LOADED);
    }

    @Test
    void setValue_null_isRejected() {
        CallerMutableEntry<String, String> entry = new CallerMutableEntry<>("key", "old", null);

        assertThatThrownBy(() -> entry.setValue(null)).isInstanceOf(NullPointerException.class);
    }
}
