// One main for each doctest executable. ctest runs each test case on its own, by name
// (--test-case=NAME, from doctest_discover_tests): a name that matches nothing would run nothing
// and pass. It happened: CMake splits a discovered name at ';', and 22 test cases whose names had
// one never ran. So a run that was given a filter and ran no test case fails.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <string_view>

namespace {

int test_cases_run = 0;

struct CountingListener : doctest::IReporter {
    explicit CountingListener(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData&) override { ++test_cases_run; }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("count_test_cases", 1, CountingListener);

}  // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int result = context.run();
    if (context.shouldExit()) return result;  // --help, --list-test-cases and the like
    bool filtered = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        filtered = filtered || arg.starts_with("--test-case=") || arg.starts_with("-tc=");
    }
    if (filtered && test_cases_run == 0) {
        std::fputs("no test case matches the filter: a test that ran nothing does not pass\n", stderr);
        return 1;
    }
    return result;
}
