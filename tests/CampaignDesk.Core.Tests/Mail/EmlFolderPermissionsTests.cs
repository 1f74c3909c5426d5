using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Mail;

/// <summary>A message file holds an official's address and the organisation's words: the mail folder and its files are the owner's alone.</summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class EmlFolderPermissionsTests
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Test]
    public async Task TheMailFolderAndEachMessage_AreOwnerOnly_WhateverTheUmask()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-mail-modes-");
        try
        {
            var transport = new EmlFolderTransport(Options.Create(new MailOptions { EmlFolder = "outbox" }), new TestHostEnvironment(root.FullName),
                TimeProvider.System, Installation.Of(Guid.NewGuid()));

            await transport.SendAsync(EmlFolderTransportTests.Mail("modes"), default);

            var file = Directory.GetFiles(transport.Folder, "*.eml").Single();
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(transport.Folder) & GroupOrOthers, Is.EqualTo((UnixFileMode)0));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
