package fr.passerelle;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import fr.passerelle.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/passerelle.css")
public class Application implements AppShellConfigurator {

    /** The web application; or, when the arguments start with a command ({@code import …}), that command without the web server. */
    public static void main(String[] args) {
        if (CommandLine.handles(args)) {
            System.exit(CommandLine.run(Application.class, args));
        }
        SpringApplication.run(Application.class, args);
    }
}
