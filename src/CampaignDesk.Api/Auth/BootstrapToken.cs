using System.Security.Cryptography;
using System.Text;
using CampaignDesk.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Auth;

/// <summary>
/// The first admin's token, kept only as a SHA-256 hash. Taken from <c>Auth:BootstrapAdminToken</c>, or read from
/// (and on first start generated into) the admin token file, so a fresh install is never open to anyone.
/// </summary>
public sealed class BootstrapToken
{
    public const string Prefix = "cd_";

    /// <summary>Shorter tokens are refused at start-up: they could be guessed.</summary>
    public const int MinimumLength = 24;

    private readonly byte[]? _hash;

    public BootstrapToken(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<BootstrapToken> logger)
    {
        var configured = options.Value.BootstrapAdminToken;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _hash = Hash(Checked(configured.Trim(), "Auth:BootstrapAdminToken"));
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Value.AdminTokenFile))
        {
            return;
        }

        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.AdminTokenFile));
        try
        {
            _hash = Hash(Checked(ReadOrCreate(path, logger), $"the admin token file '{path}'"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The admin token file '{path}' cannot be read or written ({ex.Message.TrimEnd('.')}). " +
                "Set Auth:BootstrapAdminToken, or point Auth:AdminTokenFile at a writable place.", ex);
        }
    }

    public bool Matches(string presented) =>
        _hash is not null && presented.Length >= MinimumLength && CryptographicOperations.FixedTimeEquals(_hash, Hash(presented));

    private static string Checked(string token, string origin) => token.Length >= MinimumLength
        ? token
        : throw new StartupException($"The token in {origin} is shorter than {MinimumLength} characters; use a long random one " +
            "(or delete the file to have one generated).");

    private static string ReadOrCreate(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
            // Written aside then moved into place, so a crash never leaves an empty token file behind.
            var temporary = path + ".tmp";
            var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, Encoding.ASCII, fileOptions))
            {
                writer.Write(token);
            }

            File.Move(temporary, path, overwrite: false);

            logger.LogWarning("No Auth:BootstrapAdminToken is set: an admin token was generated into {Path} (owner-only)", path);
        }

        return File.ReadAllText(path).Trim();
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
