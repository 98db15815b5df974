package org.dmpgateway.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "org.dmpgateway")
public class DmpGatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(DmpGatewayApplication.class, args);
    }
}
