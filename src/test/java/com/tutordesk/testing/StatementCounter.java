package com.tutordesk.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the current thread sends to the database between {@link #start()} and
 * {@link #stop()} (datasource-proxy around the application's DataSource).
 */
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<AtomicInteger> COUNT = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> SQL = new ThreadLocal<>();

    /** Starts counting on this thread. */
    public void start() {
        COUNT.set(new AtomicInteger());
        SQL.set(new java.util.ArrayList<>());
    }

    /** @return statements sent since {@link #start()}; stops counting */
    public int stop() {
        AtomicInteger count = COUNT.get();
        COUNT.remove();
        return count == null ? 0 : count.get();
    }

    /** @return the statements of the last counting, for failure messages */
    public List<String> lastStatements() {
        List<String> statements = SQL.get();
        return statements == null ? List.of() : List.copyOf(statements);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(new QueryExecutionListener() {
                @Override
                public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                }

                @Override
                public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                    AtomicInteger count = COUNT.get();
                    if (count != null) {
                        count.incrementAndGet();
                        queryInfoList.forEach(q -> SQL.get().add(q.getQuery()));
                    }
                }
            }).build();
        }
        return bean;
    }
}
