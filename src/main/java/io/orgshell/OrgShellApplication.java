package io.orgshell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrgShellApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(OrgShellApplication.class, args)));
    }
}
