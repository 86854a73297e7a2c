package com.tutordesk.schedule.ui;

import com.tutordesk.schedule.CalendarEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where overlapping blocks go, and which sessions double-book their tutor. Plain functions, no UI. */
final class CalendarLayout {

    /**
     * Lanes of overlapping blocks.
     *
     * @param lane  each block's lane, 0-based, from the left
     * @param lanes how many lanes the group of overlapping blocks around each block has (its width is
     *              one lane of that many)
     */
    record Lanes(int[] lane, int[] lanes) {
    }

    private CalendarLayout() {
    }

    /**
     * Puts blocks side by side where they overlap: blocks that overlap each other, directly or through
     * others, form a group; each block takes the leftmost lane free at its top.
     *
     * @param tops    each block's top (any unit), in the order the caller keeps
     * @param bottoms each block's bottom, greater than its top
     */
    static Lanes lanes(int[] tops, int[] bottoms) {
        int n = tops.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(i -> tops[i]).thenComparingInt(i -> bottoms[i]));
        int[] lane = new int[n];
        int[] lanes = new int[n];
        List<Integer> group = new ArrayList<>();
        List<Integer> laneEnds = new ArrayList<>();
        int groupEnd = Integer.MIN_VALUE;
        for (int index : order) {
            if (!group.isEmpty() && tops[index] >= groupEnd) {
                close(group, laneEnds.size(), lanes);
                group.clear();
                laneEnds.clear();
                groupEnd = Integer.MIN_VALUE;
            }
            int chosen = -1;
            for (int l = 0; l < laneEnds.size(); l++) {
                if (laneEnds.get(l) <= tops[index]) {
                    chosen = l;
                    break;
                }
            }
            if (chosen < 0) {
                chosen = laneEnds.size();
                laneEnds.add(bottoms[index]);
            } else {
                laneEnds.set(chosen, bottoms[index]);
            }
            lane[index] = chosen;
            group.add(index);
            groupEnd = Math.max(groupEnd, bottoms[index]);
        }
        close(group, laneEnds.size(), lanes);
        return new Lanes(lane, lanes);
    }

    private static void close(List<Integer> group, int count, int[] lanes) {
        for (int index : group) {
            lanes[index] = count;
        }
    }

    /**
     * @return the ids of sessions that overlap another session of the same tutor (cancelled sessions
     *         take no time and overlap nothing; domain.md "conflicts warned")
     */
    static Set<Long> tutorOverlaps(List<CalendarEntry> entries) {
        Map<Long, List<CalendarEntry>> byTutor = new HashMap<>();
        for (CalendarEntry entry : entries) {
            if (entry.occupies()) {
                byTutor.computeIfAbsent(entry.tutorId(), t -> new ArrayList<>()).add(entry);
            }
        }
        Set<Long> overlapping = new HashSet<>();
        for (List<CalendarEntry> sessions : byTutor.values()) {
            sessions.sort(Comparator.comparing(CalendarEntry::startsAt));
            CalendarEntry longest = null;
            Instant reach = Instant.MIN;
            for (CalendarEntry entry : sessions) {
                if (longest != null && entry.startsAt().isBefore(reach)) {
                    overlapping.add(entry.id());
                    overlapping.add(longest.id());
                }
                if (longest == null || entry.endsAt().isAfter(reach)) {
                    longest = entry;
                    reach = entry.endsAt();
                }
            }
        }
        return overlapping;
    }
}
