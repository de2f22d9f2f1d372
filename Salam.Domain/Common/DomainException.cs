namespace Salam.Domain.Common;

/// <summary>A broken domain rule. <see cref="Code"/> is a message key the UI translates; <see cref="Args"/> fill its placeholders.</summary>
public sealed class DomainException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public IReadOnlyList<object> Args { get; } = args;
}
