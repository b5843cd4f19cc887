package cn.gov.disclosure.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.cluster.ClusterLock;
import cn.gov.disclosure.cluster.NodeName;

/**
 * Several nodes on one database. The engine names itself after this node (job log, metrics), and the
 * whole start-up — the engine's schema check and creation, Camunda's admin user, our groups, authorizations,
 * filters and demo users — runs under the cluster lock {@code start-up}, from before the engine is built until
 * every bean is set up. Nodes started at the same moment on an empty database thus set it up one after
 * the other instead of racing to create the same tables and rows.
 */
@Component
@DependsOnDatabaseInitialization
public class ClusterEnginePlugin extends AbstractProcessEnginePlugin implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterEnginePlugin.class);

    private final ClusterLock lock;
    private final NodeName node;
    private ClusterLock.Held startUp;

    public ClusterEnginePlugin(ClusterLock lock, NodeName node) {
        this.lock = lock;
        this.node = node;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(node.get());
        long waitFrom = System.nanoTime();
        startUp = lock.hold("start-up");
        long waited = (System.nanoTime() - waitFrom) / 1_000_000;
        log.info("Node {} holds the start-up lock{}", node, waited > 1000 ? " after waiting " + waited + " ms" : "");
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        log.info("Process engine {} runs on node {}", processEngine.getName(), node);
    }

    /** Every bean is set up (AccessSetup, DemoUsers, Camunda's admin user); later work takes its own locks. */
    @EventListener(ContextRefreshedEvent.class)
    public void started() {
        release();
    }

    /** Also on a failed start: the context closes its beans and the next node may go on. */
    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        if (startUp != null) {
            startUp.close();
            startUp = null;
            log.info("Node {} released the start-up lock", node);
        }
    }
}
