namespace Salam.Application.Common.Exceptions;

/// <summary>A request the application refuses; <see cref="Errors"/> hold translated messages, keyed by field ("" for the whole form).</summary>
public class RequestRefusedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public RequestRefusedException(string message) : this(new Dictionary<string, string[]> { [""] = [message] }) { }
}

/// <summary>The input broke a validation rule.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors) : RequestRefusedException(errors);

/// <summary>The caller's role or scope does not reach what they asked for.</summary>
public sealed class ForbiddenException(string message) : RequestRefusedException(message);

/// <summary>The thing asked for does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string message) : RequestRefusedException(message);
