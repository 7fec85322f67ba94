import FleetHTTP
import Testing

@Suite struct ListenAddressTests {
    @Test func portAloneMeansLoopback() throws {
        #expect(try ListenAddress.parse("9400").get() == ListenAddress(host: "127.0.0.1", port: 9400))
        #expect(try ListenAddress.parse(":9400").get() == ListenAddress(host: "127.0.0.1", port: 9400))
        #expect(try ListenAddress.parse("localhost:80").get() == ListenAddress(host: "127.0.0.1", port: 80))
    }

    @Test func explicitAddresses() throws {
        #expect(try ListenAddress.parse("0.0.0.0:9400").get() == ListenAddress(host: "0.0.0.0", port: 9400))
        #expect(try ListenAddress.parse("[::1]:9400").get() == ListenAddress(host: "::1", port: 9400))
        #expect(try ListenAddress.parse("[::1]:9400").get().description == "[::1]:9400")
    }

    @Test func badAddressesSayWhy() {
        for bad in ["", "x", "host.example:9400", "1.2.3.4:99999", "::1:9400", "[::1]9400", "[::1:9400"] {
            guard case .failure(let e) = ListenAddress.parse(bad) else {
                Issue.record("'\(bad)' parsed"); continue
            }
            #expect(e.description.contains("bad listen address"))
        }
    }
}
