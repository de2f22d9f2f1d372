using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Rounds.Commands.SubmitPaperBallot;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>A paper ballot registers its voter and stores their ballot together, or does neither.</summary>
public sealed class PaperBallotAtomicityTests : IAsyncLifetime
{
    private readonly FailingBallotSave _fault = new();
    private TestApp _app = default!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(configure: services => services.AddDatabaseInterceptor(_fault));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task When_the_ballot_cannot_be_stored_the_new_resident_is_not_stored_either()
    {
        var (roundId, _, _, needs) = await _app.PardisanOpenRoundAsync();
        var batchId = await _app.OpenPaperBatchAsync(await _app.PrincipalOfAsync("facilitator.pardisan"), roundId);
        var before = await _app.FingerprintAsync();
        _fault.Armed = true;

        await Assert.ThrowsAsync<DbUpdateException>(async () => await _app.SendAsync<PaperBallotReceipt>(
            await _app.PrincipalOfAsync("facilitator.pardisan"), new SubmitPaperBallot(roundId, NationalIds.Valid(1), "09387001111", "نیمه‌کاره", [needs[0]], batchId)));

        Assert.Equal(before, await _app.FingerprintAsync());
        Assert.False(await _app.ReadAsync(db => db.Residents.AnyAsync(r => r.Mobile == "09387001111")));
    }

    /// <summary>Fails the save that adds a ballot, as a full disk or a dropped connection would, once armed.</summary>
    private sealed class FailingBallotSave : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<Ballot>().Any(b => b.State == EntityState.Added))
                throw new DbUpdateException("the disk is full (injected)");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
