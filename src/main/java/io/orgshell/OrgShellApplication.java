package io.orgshell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrgShellApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(OrgShellApplication.class);
        // the arguments are the shell's (--sandbox, --debug, a command), not Spring properties
        app.setAddCommandLineProperties(false);
        System.exit(SpringApplication.exit(app.run(args)));
    }
}
