// Error translation for the C ABI: one guard around every export body turns C++ exceptions
// into status codes and keeps the message in thread-local storage for sd_last_error().
#pragma once

#include <new>
#include <stdexcept>
#include <string>

#include "core/errors.hpp"
#include "scaledefense/scaledefense.h"

namespace sd::capi {

// Thrown by argument checks; carries the status it maps to.
class ApiError : public std::runtime_error {
public:
    ApiError(sd_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
    sd_status status() const noexcept { return status_; }

private:
    sd_status status_;
};

void set_last_error(const char* message) noexcept;
const char* last_error() noexcept;

template <typename Body>
sd_status guard(Body&& body) noexcept {
    try {
        body();
        return SD_STATUS_OK;
    } catch (const ApiError& e) {
        set_last_error(e.what());
        return e.status();
    } catch (const UnsupportedError& e) {
        set_last_error(e.what());
        return SD_STATUS_UNSUPPORTED;
    } catch (const std::invalid_argument& e) {
        set_last_error(e.what());
        return SD_STATUS_INVALID_ARGUMENT;
    } catch (const std::bad_alloc&) {
        set_last_error("out of memory");
        return SD_STATUS_OUT_OF_MEMORY;
    } catch (const std::exception& e) {
        set_last_error(e.what());
        return SD_STATUS_INTERNAL_ERROR;
    } catch (...) {
        set_last_error("unknown internal error");
        return SD_STATUS_INTERNAL_ERROR;
    }
}

}  // namespace sd::capi
