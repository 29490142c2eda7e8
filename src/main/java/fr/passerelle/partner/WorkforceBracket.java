package fr.passerelle.partner;

import java.util.Arrays;
import java.util.Optional;

/** INSEE workforce brackets (tranches d'effectif salarié), by their Sirene codes. */
public enum WorkforceBracket {
    NN("NN"), ZERO("00"), FROM_1("01"), FROM_3("02"), FROM_6("03"), FROM_10("11"), FROM_20("12"), FROM_50("21"),
    FROM_100("22"), FROM_200("31"), FROM_250("32"), FROM_500("41"), FROM_1000("42"), FROM_2000("51"),
    FROM_5000("52"), FROM_10000("53");

    private final String code;

    WorkforceBracket(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<WorkforceBracket> ofCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }

    public String translationKey() {
        return "partner.workforce." + code;
    }
}
