using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;

namespace Salam.Infrastructure.Sms;

/// <summary>Development only: no SMS leaves the machine; messages go to the log and to the /dev/sms page.</summary>
public sealed class DevelopmentSmsSender(ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    private const int Kept = 200;
    private readonly ConcurrentQueue<SentSms> _sent = new();

    public Task SendAsync(string mobile, string text, CancellationToken cancellationToken)
    {
        logger.LogWarning("Development SMS to {Mobile}: {Text}", mobile, text);
        _sent.Enqueue(new SentSms(mobile, text, DateTimeOffset.UtcNow));
        while (_sent.Count > Kept) _sent.TryDequeue(out _);
        return Task.CompletedTask;
    }

    public IReadOnlyList<SentSms> Recent() => _sent.Reverse().ToList();

    public string? LastTextTo(string mobile) => _sent.LastOrDefault(s => s.Mobile == mobile)?.Text;
}

public sealed record SentSms(string Mobile, string Text, DateTimeOffset At);
