using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Salam.Application.Duties.Commands.AdvanceDuty;
using Salam.Application.Duties.Common;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Tests.Completions;
using Salam.Domain.Duties;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>The texts and the change are one save: when writing the texts fails, the change is rolled back with them.</summary>
public sealed class ResidentMessagesRollbackTests : IAsyncLifetime
{
    private readonly FailingOutboxInsert _fault = new();
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(configure: services => services.AddDatabaseInterceptor(_fault));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_round_whose_texts_cannot_be_written_does_not_open()
    {
        var draft = await _app.DraftRoundAsync(await _app.PardisanIdAsync(), "دور ناکام", _app.Clock.GetUtcNow().AddDays(3));
        var before = await _app.MessagesFingerprintAsync();
        _fault.Armed = true;

        await Assert.ThrowsAnyAsync<Exception>(async () => await _app.SendAsync<RoundStatus>(await _app.PrincipalOfAsync("facilitator.pardisan"), new OpenRound(draft)));

        _fault.Armed = false;
        Assert.True(_fault.Failed);
        Assert.Equal(RoundStatus.Draft, await _app.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == draft).Select(r => r.Status).SingleAsync()));
        Assert.Equal(before, await _app.MessagesFingerprintAsync());
        // Once the outbox can be written, the same request opens it and texts the neighbourhood.
        await _app.SendAsync<RoundStatus>(await _app.PrincipalOfAsync("facilitator.pardisan"), new OpenRound(draft));
        Assert.NotEmpty(await _app.QueuedAsync($"RoundOpened:round:{draft}"));
    }

    [Fact]
    public async Task A_duty_whose_completion_question_cannot_be_written_is_not_done()
    {
        var duty = await WelfareDuties.NewAsync(_app, DutyStatus.Accepted);
        var before = (await _app.MessagesFingerprintAsync(), await _app.CompletionFingerprintAsync());
        _fault.Armed = true;

        await Assert.ThrowsAnyAsync<Exception>(async () => await _app.SendAsync<DutyState>(await _app.PrincipalOfAsync(CompletionArrange.Manager),
            new AdvanceDuty(duty.Id, DutyStatus.Done, 100, "انجام شد", duty.Version)));

        _fault.Armed = false;
        Assert.True(_fault.Failed);
        Assert.Equal(before, (await _app.MessagesFingerprintAsync(), await _app.CompletionFingerprintAsync()));
    }

    /// <summary>Fails writing outbox rows, as a full disk or a dropped connection would, once armed.</summary>
    private sealed class FailingOutboxInsert : DbCommandInterceptor
    {
        public volatile bool Armed;
        public volatile bool Failed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"OutboxMessages\"", StringComparison.Ordinal))
            {
                Failed = true;
                throw new InvalidOperationException("Injected failure while writing the outbox");
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
