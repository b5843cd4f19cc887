package cn.gov.disclosure.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among several on one database ({@code disclosure.node-name}); by default the host name
 * and process id, so two nodes on one machine differ too. The engine records it in the job log and metrics.
 */
@Component
public class NodeName {

    private final String name;

    public NodeName(@Value("${disclosure.node-name:}") String configured) {
        this.name = configured == null || configured.isBlank() ? hostAndPid() : configured.strip();
    }

    public String get() {
        return name;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    @Override
    public String toString() {
        return name;
    }

}
