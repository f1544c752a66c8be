package peer;

import com.intuit.karate.junit5.Karate;

/** Runs every feature under classpath:peer; Karate writes its own HTML report to target/karate-reports. */
class PeerTest {

    @Karate.Test
    Karate contract() {
        return Karate.run("classpath:peer");
    }
}
