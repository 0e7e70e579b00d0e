# SPDX-License-Identifier: MIT
# Configuration: init's starter file, lookup order, errors with file:line.

TEST "init writes a commented starter config once and never overwrites it"
nd_ok init --office 济源示范区文化广电和旅游局 --code JYWL
expect_stdout_contains "已写入配置文件：$XDG_CONFIG_HOME/normdoc/config.toml"
! grep -q 请填写 "$dir/stdout" || fail "init asks for the office name and code it was given"
grep -q '^name = "济源示范区文化广电和旅游局"' "$XDG_CONFIG_HOME/normdoc/config.toml" || fail "office name not written"
echo '# my edit' >>"$XDG_CONFIG_HOME/normdoc/config.toml"
nd_ok init
expect_stdout_contains '配置文件已存在，未改动'
grep -q '# my edit' "$XDG_CONFIG_HOME/normdoc/config.toml" || fail "config overwritten"
nd_ok add --title 办法 --format json
expect_json '.issuer' 济源示范区文化广电和旅游局
nd_ok publish 1 --date 2024-05-06 --format json
expect_json '.reg_no' JYWL-2024-001

TEST "./normdoc.toml is preferred over the user config; NORMDOC_CONFIG over both"
mkdir -p "$XDG_CONFIG_HOME/normdoc"
printf '[office]\nname = "用户配置局"\n' >"$XDG_CONFIG_HOME/normdoc/config.toml"
nd_ok add --title 甲办法 --format json
expect_json '.issuer' 用户配置局
printf '[office]\nname = "本目录局"\n' >normdoc.toml
nd_ok add --title 乙办法 --format json
expect_json '.issuer' 本目录局
printf '[office]\nname = "环境变量局"\n' >env.toml
NORMDOC_CONFIG=$dir/env.toml nd_ok add --title 丙办法 --format json
expect_json '.issuer' 环境变量局
nd --config "$dir/missing.toml" list
expect_exit 3
expect_stderr_contains 'missing.toml: 配置文件不存在'

TEST "an unknown key is an error with file:line and a suggestion"
printf '[office]\nname = "某局"\ncdoe = "MJ"\n' >normdoc.toml
nd list
expect_exit 3
expect_stderr_contains 'normdoc: 错误：normdoc.toml:3:1: office.cdoe: 未知的配置项'
expect_stderr_contains 'normdoc: 提示：是否想写“office.code”？'

TEST "a wrong type or value is an error with file:line"
printf '[validity]\n\ndefault = 5\n' >normdoc.toml
nd list
expect_exit 3
expect_stderr_contains 'normdoc.toml:3:'
expect_stderr_contains 'validity.default'
printf '[validity]\ntrial = "two years"\n' >normdoc.toml
nd list
expect_exit 3
expect_stderr_contains 'normdoc.toml:2:'
printf '[office\n' >normdoc.toml
nd list
expect_exit 3
expect_stderr_contains 'TOML 语法错误'

TEST "validity defaults come from the config"
printf '[validity]\ndefault = "3y"\ntrial = "1y"\n' >normdoc.toml
nd_ok add --title 甲办法 --issuer 某局
nd_ok publish 1 --date 2024-01-01 --format json
expect_json '.expires' 2026-12-31
nd_ok add --title 乙试行办法 --issuer 某局
nd_ok publish 2 --date 2024-01-01 --format json
expect_json '.expires' 2024-12-31

TEST "who acted: --as, NORMDOC_USER, config user, the login name; never unknown"
NORMDOC_USER=李四 nd_ok add --title 办法一 --issuer 某局
nd_ok add --title 办法二 --issuer 某局 --as 王五
env -u USER -u LOGNAME "$NORMDOC" add --title 办法三 --issuer 某局 >/dev/null 2>&1 || fail "add without USER failed"
printf 'user = "赵六"\n[office]\nname = "某局"\ncode = "MJ"\n' >normdoc.toml
nd_ok add --title 办法四 --issuer 某局
NORMDOC_USER=李四 nd_ok add --title 办法五 --issuer 某局
[ "$(db_sql "SELECT actor FROM event WHERE kind = 'add' ORDER BY id" | paste -sd,)" = "李四,王五,$(id -un),赵六,李四" ] ||
  fail "actors: $(db_sql "SELECT actor FROM event WHERE kind = 'add' ORDER BY id" | paste -sd,)"
mkdir 新机关 && cd 新机关 || exit 1
XDG_CONFIG_HOME=$PWD/配置 nd_ok init --user 钱七
grep -qx 'user = "钱七"' 配置/normdoc/config.toml || fail "init --user did not write the user"

TEST "times are shown in TZ, else the config's time_zone, else Asia/Shanghai; stored in UTC"
before=$(date +%s)
env -u TZ "$NORMDOC" add --title 办法一 --issuer 某局 >/dev/null || fail "add failed"
after=$(date +%s)
stored=$(db_sql "SELECT at FROM event WHERE kind = 'add'")
case $stored in *Z) ;; *) fail "stored time is not UTC: $stored" ;; esac
stored_seconds=$(date -d "$stored" +%s)
[ "$stored_seconds" -ge "$before" ] && [ "$stored_seconds" -le "$after" ] ||
  fail "stored time $stored is not the UTC time of the add (between $(date -u -d @"$before" +%FT%TZ) and $(date -u -d @"$after" +%FT%TZ))"
shown() { TZ=$1 date -d "$stored" '+%Y-%m-%d %H:%M:%S'; }
env -u TZ "$NORMDOC" log >log.txt
grep -qF "$(shown Asia/Shanghai)" log.txt || fail "log does not show Beijing time $(shown Asia/Shanghai): $(cat log.txt)"
TZ=UTC "$NORMDOC" log >log.txt
grep -qF "$(shown UTC)" log.txt || fail "log does not follow TZ"
printf 'time_zone = "Asia/Tokyo"\n' >normdoc.toml
env -u TZ "$NORMDOC" show 1 >show.txt
grep -qF "$(shown Asia/Tokyo)" show.txt || fail "show does not follow the config's time_zone: $(grep 时间 show.txt)"
