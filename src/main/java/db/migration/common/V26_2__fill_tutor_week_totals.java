package db.migration.common;

import com.tutordesk.session.TutorWeekTotals;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills {@code tutor_week_totals} (V26_1) from the sessions already recorded. In Java, not SQL: the
 * business week of a start needs the zone's offsets, which MariaDB reads from time zone tables that are
 * often empty and H2 does not have; {@link TutorWeekTotals} writes them as a CASE over the zone's
 * transitions.
 */
public class V26_2__fill_tutor_week_totals extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        TutorWeekTotals.recount(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
    }
}
