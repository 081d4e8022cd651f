// The `reps` executable: everything happens in run_cli, which tests call in-process.
#include <iostream>

#include "compiler/cli.hpp"

int main(int argc, char* argv[]) {
    return reps::run_cli(argc, argv, std::cout, std::cerr);
}
