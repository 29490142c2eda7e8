package fr.passerelle.base;

/**
 * One module's demo data. In demo mode (the embedded default, or {@code PASSERELLE_DEMO=true}) the
 * {@link DemoData} runner calls every seeder once the application is ready, in ascending
 * {@link #order()}, so that a module's data can rely on the data of the modules it depends on (accounts
 * before companies, companies before offers). A seeder writes nothing to a database that already has its
 * data, and stays right when two instances start together on one database (an advisory lock around its
 * check and its writes); a failing seeder is logged and does not stop the others.
 */
public interface DemoSeeder {

    /** Accounts 100, companies 200, offers 300, workshop spaces 400… */
    int order();

    /** What it creates, for the log ("demo companies"). */
    String name();

    /** Creates the demo data unless it exists; returns how many main rows it created (0 when there was nothing to do). */
    int seed();
}
