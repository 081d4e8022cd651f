// A non-owning reference to something callable, for a callback that is only called during the
// call it is passed to (TimelineListener::repeat): unlike std::function it never allocates, and a
// lambda capturing a few references made std::function allocate once per set walked.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

namespace reps {

template <typename Signature>
class FunctionRef;

template <typename Result, typename... Args>
class FunctionRef<Result(Args...)> {
public:
    // `callable` must outlive every call: pass a lambda straight to the function that takes this.
    template <typename Callable>
        requires(!std::is_same_v<std::remove_cvref_t<Callable>, FunctionRef> && std::is_invocable_r_v<Result, Callable&, Args...>)
    FunctionRef(Callable&& callable) noexcept  // NOLINT(google-explicit-constructor): stands in for a callable
        : object_(const_cast<void*>(static_cast<const void*>(std::addressof(callable)))),
          call_([](void* object, Args... args) -> Result {
              return (*static_cast<std::remove_reference_t<Callable>*>(object))(std::forward<Args>(args)...);
          }) {}

    Result operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

private:
    void* object_;
    Result (*call_)(void*, Args...);
};

}  // namespace reps
