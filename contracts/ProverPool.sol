// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

import {PoolMath} from "./PoolMath.sol";
import {
    BPS,
    Config,
    EmergencyReason,
    MAX_CAPACITY,
    MAX_SLOTS,
    STAKE_UNIT,
    StakerInfo,
    StakerStatus
} from "./PoolTypes.sol";

/// @title ProverPool
/// @notice Abstract base of the core (BlockProtocol): stakers, the 32 active slots, weighted selection,
/// eviction, R/C changes, exits, withdrawals, slashing, health and the dynamic minimums.
/// See docs/contracts.md for every rule and decision.
abstract contract ProverPool is ReentrancyGuard {
    using SafeERC20 for IERC20;

    // ---------------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------------

    /// @notice Largest stake in whole TKO (`stakeUnits` is a uint32).
    uint256 internal constant MAX_STAKE_UNITS = type(uint32).max;
    /// @notice Largest exact stake: `amount / 1e18 <= 2^32 - 1`.
    uint256 internal constant MAX_STAKE = (MAX_STAKE_UNITS + 1) * STAKE_UNIT - 1;
    /// @notice Largest reward per gas (stored as uint32).
    uint256 internal constant MAX_REWARD_PER_GAS = type(uint32).max;

    uint256 private constant UNITS_MASK = 0xffffffff;
    uint256 private constant SLOT_ENTRY_MASK = 0xffffffffffffffff;
    uint256 private constant DAY = 1 days;

    /// @dev Number of `Config` fields (28 static words in memory, storage and the ABI).
    uint256 private constant CONFIG_FIELDS = 28;
    /// @dev Bounds of each `Config` field (see `_setConfig`).
    bytes private constant CONFIG_BOUNDS = hex"11020404040415150400150205050515050603150404041501051525";
    /// @dev Names for `ProverPoolConfigInvalid`: the `Config` fields in order, then constructor arguments.
    bytes private constant CONFIG_NAMES = "maxActiveProvers rewardFloorBps rewardCapBps rewardRangeMinBps "
        "rewardRangeMaxBps openRewardBps feeSmoothing delaySmoothing proofWindowMultiplier minProofWindow "
        "maxProofWindow slashBps minSlashRewardMultiple rewardChangeCooldown exitDelay maxExitsPerDay "
        "maxOpenBlocks baseMinStake baseMinCapacity targetBacklog perfBonusFastBps perfBonusBps "
        "stabilizationBonusBps congestionBacklog minAvailableProvers batchingBacklog batchDivisor maxBatchSize "
        "token initialFeePerGas initialAvgProofDelayMs verifier";
    /// @dev Indices of the constructor arguments in `CONFIG_NAMES`.
    uint256 internal constant FIELD_TOKEN = 28;
    uint256 internal constant FIELD_INITIAL_FEE = 29;
    uint256 internal constant FIELD_INITIAL_DELAY = 30;
    uint256 internal constant FIELD_VERIFIER = 31;

    // ---------------------------------------------------------------------------------------------
    // Storage
    // ---------------------------------------------------------------------------------------------

    /// @dev Config word 0: everything a proposal's selection and window need (one SLOAD).
    /// bits   0..15  rewardFloorBps        uint16 (≤ BPS)
    /// bits  16..31  rewardCapBps          uint16
    /// bits  32..63  targetBacklog         uint32 (≥ 1)
    /// bits  64..71  baseMinCapacity       uint8
    /// bits  72..167 baseMinStake          uint96 (wei)
    /// bits 168..183 proofWindowMultiplier uint16
    /// bits 184..215 minProofWindow        uint32 (seconds)
    /// bits 216..247 maxProofWindow        uint32 (seconds)
    /// bits 248..255 maxActiveProvers      uint8 (1..32)
    struct SelectionConfig {
        uint16 rewardFloorBps;
        uint16 rewardCapBps;
        uint32 targetBacklog;
        uint8 baseMinCapacity;
        uint96 baseMinStake;
        uint16 proofWindowMultiplier;
        uint32 minProofWindow;
        uint32 maxProofWindow;
        uint8 maxActiveProvers;
    }

    /// @dev Config word 1: proposal limits, emergency triggers, rewards and slashing.
    /// bits   0..31  congestionBacklog      uint32 (≥ 1)
    /// bits  32..63  maxOpenBlocks          uint32
    /// bits  64..71  minAvailableProvers    uint8 (≤ 32)
    /// bits  72..87  rewardRangeMinBps      uint16
    /// bits  88..103 rewardRangeMaxBps      uint16
    /// bits 104..119 openRewardBps          uint16
    /// bits 120..151 feeSmoothing           uint32 (≥ 1)
    /// bits 152..183 delaySmoothing         uint32 (≥ 1)
    /// bits 184..199 slashBps               uint16 (≤ BPS)
    /// bits 200..215 perfBonusFastBps       uint16
    /// bits 216..231 perfBonusBps           uint16
    /// bits 232..247 stabilizationBonusBps  uint16
    struct BlockConfig {
        uint32 congestionBacklog;
        uint32 maxOpenBlocks;
        uint8 minAvailableProvers;
        uint16 rewardRangeMinBps;
        uint16 rewardRangeMaxBps;
        uint16 openRewardBps;
        uint32 feeSmoothing;
        uint32 delaySmoothing;
        uint16 slashBps;
        uint16 perfBonusFastBps;
        uint16 perfBonusBps;
        uint16 stabilizationBonusBps;
    }

    /// @dev Config word 2: cold-path limits.
    /// bits   0..31  minSlashRewardMultiple uint32
    /// bits  32..63  rewardChangeCooldown   uint32 (seconds)
    /// bits  64..95  exitDelay              uint32 (seconds)
    /// bits  96..127 maxExitsPerDay         uint32 (≥ 1)
    /// bits 128..159 batchingBacklog        uint32
    /// bits 160..191 batchDivisor           uint32 (≥ 1)
    /// bits 192..223 maxBatchSize           uint32 (≥ 2)
    struct LimitConfig {
        uint32 minSlashRewardMultiple;
        uint32 rewardChangeCooldown;
        uint32 exitDelay;
        uint32 maxExitsPerDay;
        uint32 batchingBacklog;
        uint32 batchDivisor;
        uint32 maxBatchSize;
    }

    /// @dev Pool word A (read and written by every proposal and proof).
    /// bits   0..63  feePerGas      uint64 (F, wei per gas)
    /// bits  64..127 avgProofDelayMs uint64 (milliseconds)
    /// bits 128..191 nextBlockId    uint64 (ids start at 1)
    /// bits 192..223 backlog        uint32 (proposed, not yet proven)
    /// bits 224..255 openBlocks     uint32 (unproven open blocks)
    struct PoolState {
        uint64 feePerGas;
        uint64 avgProofDelayMs;
        uint64 nextBlockId;
        uint32 backlog;
        uint32 openBlocks;
    }

    /// @dev Pool word B.
    /// bits   0..127 treasury         uint128 (wei)
    /// bits 128..159 occupied         uint32 (bit i set = slot i holds a prover)
    /// bits 160..167 emergencyReason  uint8 (EmergencyReason; None = off)
    /// bits 168..199 exitDay          uint32 (UTC day of the exit counter: timestamp / 86400)
    /// bits 200..231 exitsToday       uint32 (voluntary exits counted on exitDay)
    struct PoolState2 {
        uint128 treasury;
        uint32 occupied;
        EmergencyReason emergencyReason;
        uint32 exitDay;
        uint32 exitsToday;
    }

    /// @dev One staker (3 words).
    /// word 0: bits 0..95 stake (uint96, exact wei; < 2^32 TKO) | 96..127 rewardPerGas (uint32) |
    ///         128..135 maxCapacity (uint8) | 136..143 slot (uint8, 1-based, 0 = not active) |
    ///         144..151 status (uint8) | 152..191 lastRewardChangeAt (uint40) |
    ///         192..231 lastCapacityChangeAt (uint40) | 232..239 listed (bool, in `_stakerList`)
    /// word 1: bits 0..127 exitAmount (uint128) | 128..191 exitUnlocksAt (uint64)
    /// word 2: bits 0..127 deposited (uint128) | 128..255 slashed (uint128)
    /// `rewardPerGas` and `maxCapacity` are kept after leaving the active list for display.
    struct Staker {
        uint96 stake;
        uint32 rewardPerGas;
        uint8 maxCapacity;
        uint8 slot;
        StakerStatus status;
        uint40 lastRewardChangeAt;
        uint40 lastCapacityChangeAt;
        bool listed;
        uint128 exitAmount;
        uint64 exitUnlocksAt;
        uint128 deposited;
        uint128 slashed;
    }

    /// @notice The staked token (TKO).
    IERC20 public immutable token;

    /// @dev The config as given (28 words), returned by `config()`; the hot paths read the packed copies.
    Config internal _config;

    SelectionConfig internal _cfgSelection;
    BlockConfig internal _cfgBlock;
    LimitConfig internal _cfgLimit;

    PoolState internal _state;
    PoolState2 internal _state2;

    /// @dev The hot path (docs/contracts.md, "Storage layout of the hot path").
    /// `_slotWords[k]` holds slots 4k..4k+3; slot i at bits [64*(i%4), 64*(i%4)+64):
    ///   bits 0..31 stakeUnits (uint32, whole TKO, floor) | bits 32..63 rewardPerGas (uint32, wei/gas).
    uint256[8] internal _slotWords;
    /// @dev Byte i (bits 8i..8i+7) = current capacity of slot i.
    uint256 internal _currentCapacities;
    /// @dev Byte i = max (stated) capacity of slot i.
    uint256 internal _maxCapacities;
    /// @dev Owner of slot i; read only for the picked slot on a proposal.
    address[32] internal _slotOwner;

    mapping(address prover => Staker) internal _stakers;
    /// @dev Every address that ever staked, in first-stake order.
    address[] internal _stakerList;

    /// @notice Unclaimed rewards of each prover (wei).
    mapping(address prover => uint256) public rewards;

    /// @dev Σ active stake, Σ queued exit amounts, Σ unclaimed rewards (for `accountedBalance`).
    uint256 internal _totalStaked;
    uint256 internal _totalQueued;
    uint256 internal _totalRewards;

    // ---------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------

    /// @notice A prover joined the active list or topped up its stake.
    /// @param prover The staker.
    /// @param amount Wei added by this call.
    /// @param totalStake Active stake after the call (exact wei).
    /// @param rewardPerGas The prover's R.
    /// @param capacity The prover's stated (max) capacity.
    /// @param slot 1-based active slot.
    event Staked(
        address indexed prover, uint256 amount, uint256 totalStake, uint256 rewardPerGas, uint256 capacity, uint256 slot
    );

    /// @notice `prover` was pushed out of the active list by a better stake from `by`; its stake is queued.
    /// @param prover The evicted prover.
    /// @param by The newcomer that took the slot.
    /// @param amount Stake moved to the exit queue (wei).
    /// @param unlocksAt When the queued amount can be withdrawn.
    event Evicted(address indexed prover, address indexed by, uint256 amount, uint256 unlocksAt);

    /// @notice `prover` left the active list voluntarily; its stake is queued.
    /// @param prover The exiting prover.
    /// @param amount Stake moved to the exit queue (wei).
    /// @param unlocksAt When the queued amount (merged with any earlier one) can be withdrawn.
    event ExitRequested(address indexed prover, uint256 amount, uint256 unlocksAt);

    /// @notice `prover` withdrew its queued stake.
    /// @param prover The withdrawing staker.
    /// @param amount Wei paid out.
    event Withdrawn(address indexed prover, uint256 amount);

    /// @notice `prover` was slashed for missing the window of `blockId`.
    /// @param prover The assigned prover of the block.
    /// @param blockId The late block.
    /// @param amount Wei moved to the treasury (may be 0 when nothing was left to slash).
    /// @param remainingStake What is left of the slashed balance (active stake, or queued exit amount).
    event Slashed(address indexed prover, uint256 indexed blockId, uint256 amount, uint256 remainingStake);

    /// @notice An active prover changed its expected reward per gas.
    /// @param prover The prover.
    /// @param oldRewardPerGas Previous R.
    /// @param newRewardPerGas New R.
    event RewardPerGasChanged(address indexed prover, uint256 oldRewardPerGas, uint256 newRewardPerGas);

    /// @notice An active prover changed its stated (max) capacity.
    /// @param prover The prover.
    /// @param oldCapacity Previous max capacity.
    /// @param newCapacity New max capacity.
    event CapacityChanged(address indexed prover, uint256 oldCapacity, uint256 newCapacity);

    /// @notice The config was set (constructor) or updated by the owner.
    /// @param config The new config.
    event ConfigUpdated(Config config);

    // ---------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------

    /// @notice An amount of zero was given.
    error ProverPoolZeroAmount();
    /// @notice A top-up must restate the prover's current R and capacity.
    /// @param currentRewardPerGas The prover's R.
    /// @param currentCapacity The prover's stated (max) capacity.
    error ProverPoolParametersDiffer(uint256 currentRewardPerGas, uint256 currentCapacity);
    /// @notice R must lie in `[min, max]` around the current F.
    error ProverPoolRewardPerGasOutOfRange(uint256 rewardPerGas, uint256 min, uint256 max);
    /// @notice Capacity must lie in `[min, max]` (min is the dynamic minimum capacity, max 255).
    error ProverPoolCapacityOutOfRange(uint256 capacity, uint256 min, uint256 max);
    /// @notice The stake (whole TKO counted) is below the dynamic minimum.
    error ProverPoolStakeTooLow(uint256 stake, uint256 minStake);
    /// @notice The stake exceeds the largest storable stake (`(2^32) * 1e18 - 1` wei).
    error ProverPoolStakeTooHigh(uint256 stake, uint256 max);
    /// @notice The active list is full and the newcomer's weight does not beat the lowest.
    /// Shortfall = `lowestWeight - weight + 1`.
    error ProverPoolWeightTooLow(uint256 weight, uint256 lowestWeight);
    /// @notice `prover` holds no active slot.
    error ProverPoolNotActive(address prover);
    /// @notice The R (or C) change cooldown has not passed.
    error ProverPoolCooldownActive(uint256 availableAt, uint256 now);
    /// @notice The daily limit of voluntary exits is reached.
    error ProverPoolExitLimitReached(uint256 exitsToday, uint256 maxExitsPerDay, uint256 resetsAt);
    /// @notice Nothing is queued for withdrawal.
    error ProverPoolNothingToWithdraw();
    /// @notice The queued amount is still locked.
    error ProverPoolExitLocked(uint256 unlocksAt, uint256 now);
    /// @notice A config (or constructor) value is out of bounds.
    /// @param field Name of the offending `Config` field (or constructor argument).
    error ProverPoolConfigInvalid(string field);

    // ---------------------------------------------------------------------------------------------
    // Construction and config
    // ---------------------------------------------------------------------------------------------

    constructor(address token_, Config memory config_, uint256 initialFeePerGas, uint256 initialAvgProofDelayMs) {
        if (token_ == address(0)) _revertConfigInvalid(FIELD_TOKEN);
        if (initialFeePerGas == 0 || initialFeePerGas > type(uint64).max) _revertConfigInvalid(FIELD_INITIAL_FEE);
        if (initialAvgProofDelayMs > type(uint64).max) _revertConfigInvalid(FIELD_INITIAL_DELAY);
        token = IERC20(token_);
        _setConfig(config_);
        _storeState(
            PoolState({
                feePerGas: uint64(initialFeePerGas),
                avgProofDelayMs: uint64(initialAvgProofDelayMs),
                nextBlockId: 1,
                backlog: 0,
                openBlocks: 0
            })
        );
    }

    /// @dev Validates `c`, stores it (full copy for `config()`, packed words for the hot paths) and
    /// emits `ConfigUpdated`. Fields are checked in `Config` order and the first invalid one is reported.
    /// Bounds per field (`CONFIG_BOUNDS`, one byte per field: high nibble = minimum, low nibble = maximum
    /// code 0: none, 1: ≤ 32, 2: ≤ BPS, 3: ≤ 255, 4: ≤ 2^16-1, 5: ≤ 2^32-1, 6: ≤ 2^96-1), plus at their
    /// field: `rewardCapBps >= rewardFloorBps`, `rewardRangeMaxBps >= rewardRangeMinBps`,
    /// `minProofWindow <= maxProofWindow`.
    function _setConfig(Config memory c) internal {
        for (uint256 i; i < CONFIG_FIELDS; ++i) {
            uint256 value;
            assembly ("memory-safe") {
                value := mload(add(c, shl(5, i)))
            }
            uint8 code = uint8(CONFIG_BOUNDS[i]);
            uint256 maxCode = code & 0x0f;
            uint256 max = maxCode == 0
                ? type(uint256).max
                : maxCode == 1
                    ? MAX_SLOTS
                    : maxCode == 2
                        ? BPS
                        : maxCode == 3
                            ? MAX_CAPACITY
                            : maxCode == 4 ? type(uint16).max : maxCode == 5 ? type(uint32).max : type(uint96).max;
            bool invalid = value < code >> 4 || value > max;
            if (i == 2) invalid = invalid || value < c.rewardFloorBps;
            else if (i == 4) invalid = invalid || value < c.rewardRangeMinBps;
            else if (i == 9) invalid = invalid || value > c.maxProofWindow;
            if (invalid) _revertConfigInvalid(i);
        }

        // Packed words (bit layout next to each struct); every value was bounds-checked above.
        uint256 w0 = c.rewardFloorBps | (c.rewardCapBps << 16) | (c.targetBacklog << 32) | (c.baseMinCapacity << 64)
            | (c.baseMinStake << 72) | (c.proofWindowMultiplier << 168) | (c.minProofWindow << 184)
            | (c.maxProofWindow << 216) | (c.maxActiveProvers << 248);
        uint256 w1 = c.congestionBacklog | (c.maxOpenBlocks << 32) | (c.minAvailableProvers << 64)
            | (c.rewardRangeMinBps << 72) | (c.rewardRangeMaxBps << 88) | (c.openRewardBps << 104)
            | (c.feeSmoothing << 120) | (c.delaySmoothing << 152) | (c.slashBps << 184) | (c.perfBonusFastBps << 200)
            | (c.perfBonusBps << 216) | (c.stabilizationBonusBps << 232);
        uint256 w2 = c.minSlashRewardMultiple | (c.rewardChangeCooldown << 32) | (c.exitDelay << 64)
            | (c.maxExitsPerDay << 96) | (c.batchingBacklog << 128) | (c.batchDivisor << 160) | (c.maxBatchSize << 192);
        bytes32 topic = ConfigUpdated.selector;
        assembly ("memory-safe") {
            sstore(_cfgSelection.slot, w0)
            sstore(_cfgBlock.slot, w1)
            sstore(_cfgLimit.slot, w2)
            // `_config = c` and `emit ConfigUpdated(c)`: Config is 28 static words in memory and in the ABI.
            let slot := _config.slot
            for { let i := 0 } lt(i, 28) { i := add(i, 1) } { sstore(add(slot, i), mload(add(c, shl(5, i)))) }
            log1(c, 896, topic)
        }
    }

    /// @dev Reverts with `ProverPoolConfigInvalid(name)`, the `field`-th word of `CONFIG_NAMES`.
    function _revertConfigInvalid(uint256 field) internal pure {
        bytes memory names = CONFIG_NAMES;
        uint256 start;
        uint256 n;
        for (uint256 p; p <= names.length; ++p) {
            if (p == names.length || names[p] == " ") {
                if (n == field) {
                    bytes memory name = new bytes(p - start);
                    for (uint256 k; k < name.length; ++k) {
                        name[k] = names[start + k];
                    }
                    revert ProverPoolConfigInvalid(string(name));
                }
                ++n;
                start = p + 1;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Staking
    // ---------------------------------------------------------------------------------------------

    /// @notice Joins the active list with `amount` TKO wei, reward per gas `rewardPerGas` and capacity
    /// `capacity`, or tops up when already active (then R and capacity must equal the current ones).
    /// Needs an allowance of `amount`. May evict the lowest-weight prover when the list is full.
    /// @param amount Wei to stake (> 0).
    /// @param rewardPerGas R, TKO wei per gas, within the range around F.
    /// @param capacity How many unproven blocks the prover can hold (minCapacity … 255).
    function stake(uint256 amount, uint256 rewardPerGas, uint256 capacity) external nonReentrant {
        _stake(msg.sender, amount, rewardPerGas, capacity);
    }

    /// @notice `stake` with an ERC-2612 permit in the same transaction. If the permit fails (for
    /// example it was front-run) the stake still goes through when the allowance suffices.
    /// @param amount Wei to stake (> 0); also the permit value.
    /// @param rewardPerGas R, TKO wei per gas.
    /// @param capacity Stated capacity.
    /// @param deadline Permit deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    function stakeWithPermit(
        uint256 amount,
        uint256 rewardPerGas,
        uint256 capacity,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant {
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        _stake(msg.sender, amount, rewardPerGas, capacity);
    }

    /// @notice Adds `amount` wei to the caller's active stake (R and capacity unchanged).
    /// @param amount Wei to add (> 0).
    function topUp(uint256 amount) external nonReentrant {
        Staker storage st = _stakers[msg.sender];
        if (st.slot == 0) revert ProverPoolNotActive(msg.sender);
        _stake(msg.sender, amount, st.rewardPerGas, st.maxCapacity);
    }

    function _stake(address prover, uint256 amount, uint256 rewardPerGas, uint256 capacity) private {
        if (amount == 0) revert ProverPoolZeroAmount();
        Staker storage st = _stakers[prover];
        if (st.slot != 0) {
            _topUp(prover, st, amount, rewardPerGas, capacity);
        } else {
            _join(prover, st, amount, rewardPerGas, capacity);
        }
        st.deposited = SafeCast.toUint128(uint256(st.deposited) + amount);
        token.safeTransferFrom(prover, address(this), amount);
    }

    function _topUp(address prover, Staker storage st, uint256 amount, uint256 rewardPerGas, uint256 capacity)
        private
    {
        if (rewardPerGas != st.rewardPerGas || capacity != st.maxCapacity) {
            revert ProverPoolParametersDiffer(st.rewardPerGas, st.maxCapacity);
        }
        uint256 newStake = uint256(st.stake) + amount;
        if (newStake > MAX_STAKE) revert ProverPoolStakeTooHigh(newStake, MAX_STAKE);
        st.stake = uint96(newStake);
        uint256 index = uint256(st.slot) - 1;
        _writeSlotEntry(index, newStake / STAKE_UNIT, rewardPerGas);
        _totalStaked += amount;
        emit Staked(prover, amount, newStake, rewardPerGas, capacity, index + 1);
    }

    function _join(address prover, Staker storage st, uint256 amount, uint256 rewardPerGas, uint256 capacity)
        private
    {
        _checkJoin(amount, rewardPerGas, capacity);
        uint256 index = _claimSlot(prover, amount, rewardPerGas, capacity);

        _writeSlotEntry(index, amount / STAKE_UNIT, rewardPerGas);
        uint256 shift = 8 * index;
        _currentCapacities = (_currentCapacities & ~(0xff << shift)) | (capacity << shift);
        _maxCapacities = (_maxCapacities & ~(0xff << shift)) | (capacity << shift);
        _slotOwner[index] = prover;
        _state2.occupied |= uint32(1 << index);

        st.stake = uint96(amount);
        st.rewardPerGas = uint32(rewardPerGas);
        st.maxCapacity = uint8(capacity);
        st.slot = uint8(index + 1);
        st.status = StakerStatus.Active;
        if (!st.listed) {
            st.listed = true;
            _stakerList.push(prover);
        }
        _totalStaked += amount;
        emit Staked(prover, amount, amount, rewardPerGas, capacity, index + 1);
    }

    /// @dev Join checks, in order: R range, capacity range, minimum stake (whole TKO), maximum stake.
    function _checkJoin(uint256 amount, uint256 rewardPerGas, uint256 capacity) private view {
        PoolState memory s = _loadState();
        SelectionConfig memory c0 = _cfgSelection;
        // 1. R in range around F.
        (uint256 minR, uint256 maxR) = _rewardRange(s.feePerGas);
        if (rewardPerGas < minR || rewardPerGas > maxR) {
            revert ProverPoolRewardPerGasOutOfRange(rewardPerGas, minR, maxR);
        }
        // 2. Capacity in [minCapacity(backlog), 255].
        uint256 minCap = PoolMath.minCapacity(s.backlog, c0.baseMinCapacity, c0.targetBacklog);
        if (capacity < minCap || capacity > MAX_CAPACITY) {
            revert ProverPoolCapacityOutOfRange(capacity, minCap, MAX_CAPACITY);
        }
        // 3. Whole-TKO stake ≥ minStake(backlog); stakeUnits fits uint32.
        uint256 minS = PoolMath.minStake(s.backlog, c0.baseMinStake, c0.targetBacklog);
        if (PoolMath.quantiseStake(amount) < minS) revert ProverPoolStakeTooLow(amount, minS);
        if (amount > MAX_STAKE) revert ProverPoolStakeTooHigh(amount, MAX_STAKE);
    }

    /// @dev 4. The lowest free slot below `maxActiveProvers`; else the lowest-weight occupied slot
    /// (ties: lowest index) if the newcomer's weight strictly beats it, evicting its owner.
    function _claimSlot(address prover, uint256 amount, uint256 rewardPerGas, uint256 capacity)
        private
        returns (uint256 index)
    {
        uint256 occupied = _state2.occupied;
        uint256 maxActive = _cfgSelection.maxActiveProvers;
        for (index = 0; index < maxActive; ++index) {
            if (occupied & (1 << index) == 0) return index;
        }
        PoolState memory s = _loadState();
        (uint256[MAX_SLOTS] memory w,) = _scanSlots(s.feePerGas, s.backlog);
        uint256 lowest = type(uint256).max;
        for (uint256 i; i < MAX_SLOTS; ++i) {
            // Strict `<`: on a tie the lowest slot index stays the candidate.
            if (occupied & (1 << i) != 0 && w[i] < lowest) {
                lowest = w[i];
                index = i;
            }
        }
        uint256 newWeight =
            PoolMath.weight(amount, rewardPerGas, capacity, s.feePerGas, _cfgSelection.rewardFloorBps);
        if (newWeight <= lowest) revert ProverPoolWeightTooLow(newWeight, lowest);
        address evicted = _slotOwner[index];
        (uint256 queued, uint256 unlocksAt) = _leaveSlot(_stakers[evicted], StakerStatus.Evicted);
        emit Evicted(evicted, prover, queued, unlocksAt);
    }

    // ---------------------------------------------------------------------------------------------
    // R and C changes
    // ---------------------------------------------------------------------------------------------

    /// @notice Changes the caller's expected reward per gas. At most once per `rewardChangeCooldown`
    /// (the first change is always allowed). The active list is not re-ranked.
    /// @param rewardPerGas New R, within the range around the current F.
    function changeRewardPerGas(uint256 rewardPerGas) external {
        Staker storage st = _activeStaker(msg.sender);
        _checkCooldown(st.lastRewardChangeAt);
        (uint256 minR, uint256 maxR) = _rewardRange(_state.feePerGas);
        if (rewardPerGas < minR || rewardPerGas > maxR) {
            revert ProverPoolRewardPerGasOutOfRange(rewardPerGas, minR, maxR);
        }
        uint256 old = st.rewardPerGas;
        st.rewardPerGas = uint32(rewardPerGas);
        st.lastRewardChangeAt = uint40(block.timestamp);
        _writeSlotEntry(uint256(st.slot) - 1, uint256(st.stake) / STAKE_UNIT, rewardPerGas);
        emit RewardPerGasChanged(msg.sender, old, rewardPerGas);
    }

    /// @notice Changes the caller's stated (max) capacity. At most once per `rewardChangeCooldown`
    /// (own cooldown, separate from R's). Outstanding blocks stay counted:
    /// new current capacity = `max(0, capacity - (oldMax - oldCurrent))`.
    /// @param capacity New capacity in `[minCapacity(backlog), 255]`.
    function changeCapacity(uint256 capacity) external {
        Staker storage st = _activeStaker(msg.sender);
        _checkCooldown(st.lastCapacityChangeAt);
        SelectionConfig memory c0 = _cfgSelection;
        uint256 minCap = PoolMath.minCapacity(_state.backlog, c0.baseMinCapacity, c0.targetBacklog);
        if (capacity < minCap || capacity > MAX_CAPACITY) {
            revert ProverPoolCapacityOutOfRange(capacity, minCap, MAX_CAPACITY);
        }
        uint256 shift = 8 * (uint256(st.slot) - 1);
        uint256 caps = _currentCapacities;
        uint256 oldMax = st.maxCapacity;
        uint256 oldCurrent = (caps >> shift) & 0xff;
        uint256 outstanding = oldMax > oldCurrent ? oldMax - oldCurrent : 0;
        uint256 newCurrent = capacity > outstanding ? capacity - outstanding : 0;
        _currentCapacities = (caps & ~(0xff << shift)) | (newCurrent << shift);
        _maxCapacities = (_maxCapacities & ~(0xff << shift)) | (capacity << shift);
        st.maxCapacity = uint8(capacity);
        st.lastCapacityChangeAt = uint40(block.timestamp);
        emit CapacityChanged(msg.sender, oldMax, capacity);
    }

    // ---------------------------------------------------------------------------------------------
    // Exits
    // ---------------------------------------------------------------------------------------------

    /// @notice Leaves the active list at once and queues the stake for `exitDelay`. Blocks already
    /// assigned must still be proven (a late one slashes the queued amount). Counts against
    /// `maxExitsPerDay` (UTC days).
    function requestExit() external {
        Staker storage st = _activeStaker(msg.sender);
        PoolState2 memory s2 = _loadState2();
        uint256 day = block.timestamp / DAY;
        uint256 count = s2.exitDay == day ? s2.exitsToday : 0;
        uint256 maxExits = _cfgLimit.maxExitsPerDay;
        if (count >= maxExits) revert ProverPoolExitLimitReached(count, maxExits, (day + 1) * DAY);
        _state2.exitDay = uint32(day);
        _state2.exitsToday = uint32(count + 1);
        (uint256 queued, uint256 unlocksAt) = _leaveSlot(st, StakerStatus.Exiting);
        emit ExitRequested(msg.sender, queued, unlocksAt);
    }

    /// @notice Pays out the caller's queued exit amount once `exitDelay` has passed.
    function withdraw() external nonReentrant {
        Staker storage st = _stakers[msg.sender];
        uint256 amount = st.exitAmount;
        if (amount == 0) revert ProverPoolNothingToWithdraw();
        if (block.timestamp < st.exitUnlocksAt) revert ProverPoolExitLocked(st.exitUnlocksAt, block.timestamp);
        st.exitAmount = 0;
        st.exitUnlocksAt = 0;
        if (st.slot == 0) st.status = StakerStatus.None;
        _totalQueued -= amount;
        emit Withdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    /// @dev Empties `prover`'s slot and queues its whole active stake (merging with any queued amount
    /// and restarting the delay). The caller emits the event.
    function _leaveSlot(Staker storage st, StakerStatus status)
        internal
        returns (uint256 queued, uint256 unlocksAt)
    {
        uint256 index = uint256(st.slot) - 1;
        _writeSlotEntry(index, 0, 0);
        uint256 keep = ~(uint256(0xff) << (8 * index));
        _currentCapacities &= keep;
        _maxCapacities &= keep;
        delete _slotOwner[index];
        _state2.occupied &= ~uint32(1 << index);

        queued = st.stake;
        unlocksAt = block.timestamp + _cfgLimit.exitDelay;
        st.stake = 0;
        st.slot = 0;
        st.status = status;
        st.exitAmount += uint128(queued);
        st.exitUnlocksAt = uint64(unlocksAt);
        _totalStaked -= queued;
        _totalQueued += queued;
    }

    // ---------------------------------------------------------------------------------------------
    // Slashing
    // ---------------------------------------------------------------------------------------------

    /// @dev Slashes `prover` for the late block `blockId`: its active stake if active, else its queued
    /// exit amount. `amount = slashAmount(balance, baseReward)` moves to the treasury.
    function _slash(address prover, uint256 blockId, uint256 baseReward) internal {
        Staker storage st = _stakers[prover];
        BlockConfig memory c1 = _cfgBlock;
        uint256 multiple = _cfgLimit.minSlashRewardMultiple;
        uint256 amount;
        uint256 remaining;
        if (st.slot != 0) {
            uint256 balance = st.stake;
            amount = PoolMath.slashAmount(balance, baseReward, c1.slashBps, multiple);
            remaining = balance - amount;
            st.stake = uint96(remaining);
            _writeSlotEntry(uint256(st.slot) - 1, remaining / STAKE_UNIT, st.rewardPerGas);
            _totalStaked -= amount;
        } else {
            uint256 balance = st.exitAmount;
            amount = PoolMath.slashAmount(balance, baseReward, c1.slashBps, multiple);
            remaining = balance - amount;
            st.exitAmount = uint128(remaining);
            _totalQueued -= amount;
        }
        st.slashed += uint128(amount);
        _state2.treasury += uint128(amount);
        emit Slashed(prover, blockId, amount, remaining);
    }

    // ---------------------------------------------------------------------------------------------
    // Weights
    // ---------------------------------------------------------------------------------------------

    /// @dev The exact weights at fee `fee` and backlog `pending`, by slot index, and their total.
    function _scanSlots(uint256 fee, uint256 pending) internal view returns (uint256[MAX_SLOTS] memory w, uint256 total) {
        (w, total) = _scanPrefix(fee, pending);
        // Prefix sums → weights, from the top down.
        unchecked {
            for (uint256 i = MAX_SLOTS - 1; i > 0; --i) {
                w[i] -= w[i - 1];
            }
        }
    }

    /// @dev One pass over the 32 slots at fee `fee` and backlog `pending`: the running sums of the
    /// weights (`prefix[i] = w[0] + … + w[i]`) and their total. Reads 10 words: the 8 slot words and the
    /// two capacity words. Slot i (entry i%4 of word i/4) is eligible when `currentCapacity > 0`,
    /// `stakeUnits*1e18 >= minStake(backlog)` ⇔ `stakeUnits >= ceil(minStake/1e18)`, and
    /// `maxCapacity >= minCapacity(backlog)`; its weight is `stakeUnits*(1e18*F*F) / (Rw*Rw)`,
    /// `Rw = max(R, F*rewardFloorBps/BPS)` (one floor division) when eligible and `R > 0`, else 0.
    /// Empty slots have capacity 0 and so weigh 0.
    function _scanPrefix(uint256 fee, uint256 pending)
        internal
        view
        returns (uint256[MAX_SLOTS] memory prefix, uint256 total)
    {
        SelectionConfig memory c0 = _cfgSelection;
        uint256 minCap = PoolMath.minCapacity(pending, c0.baseMinCapacity, c0.targetBacklog);
        uint256 minUnits;
        uint256 floor;
        uint256 k;
        unchecked {
            // Rounds up: the smallest whole-TKO count whose wei value reaches minStake.
            minUnits = (PoolMath.minStake(pending, c0.baseMinStake, c0.targetBacklog) + STAKE_UNIT - 1) / STAKE_UNIT;
            floor = (fee * c0.rewardFloorBps) / BPS;
            // A_q*F*F = stakeUnits * (1e18*F*F); F < 2^64 so k < 2^188 and stakeUnits*k < 2^220.
            k = STAKE_UNIT * fee * fee;
        }
        total = _scanCore(prefix, _capacityMask(minCap), minUnits, floor, k);
    }

    /// @dev Available provers at backlog `pending` (the emergency rule): active slots that are
    /// eligible (as in `_scanPrefix`) with current capacity left.
    function _availableProvers(uint256 pending) internal view returns (uint256 available) {
        SelectionConfig memory c0 = _cfgSelection;
        uint256 mask = _capacityMask(PoolMath.minCapacity(pending, c0.baseMinCapacity, c0.targetBacklog));
        uint256 minS = PoolMath.minStake(pending, c0.baseMinStake, c0.targetBacklog);
        for (uint256 i; i < MAX_SLOTS; ++i) {
            if ((mask >> (8 * i)) & 1 == 0) continue;
            uint256 units = (_slotWords[i >> 2] >> ((i & 3) << 6)) & UNITS_MASK;
            if (units * STAKE_UNIT >= minS) ++available;
        }
    }

    /// @dev Byte i is 1 when slot i has `currentCapacity >= 1` and `maxCapacity >= minCap`, else 0.
    /// Computed for all 32 slots at once (SWAR): each byte sits in a 16-bit lane, and bit 8 of
    /// `(byte | 0x100) - m` is set iff `byte >= m` (no borrow crosses a lane since both are < 256).
    function _capacityMask(uint256 minCap) private view returns (uint256 mask) {
        if (minCap > MAX_CAPACITY) return 0;
        assembly ("memory-safe") {
            let lanes := 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff
            let ones := 0x0100010001000100010001000100010001000100010001000100010001000100
            let bits := 0x0001000100010001000100010001000100010001000100010001000100010001
            // geq(x, m): byte i of the result is 1 iff byte i of x >= m.
            function geq(x, m, l, o, b) -> out {
                let rep := mul(m, b)
                let even := and(shr(8, sub(or(and(x, l), o), rep)), b)
                let odd := and(shr(8, sub(or(and(shr(8, x), l), o), rep)), b)
                out := or(even, shl(8, odd))
            }
            mask := and(
                geq(sload(_currentCapacities.slot), 1, lanes, ones, bits),
                geq(sload(_maxCapacities.slot), minCap, lanes, ones, bits)
            )
        }
    }

    /// @dev The loop of `_scanPrefix`, branch-free per slot and unrolled four slots per word.
    /// Rw ≤ max(2^32, F) < 2^64, so Rw*Rw < 2^128; stakeUnits*k < 2^220: no overflow.
    function _scanCore(uint256[MAX_SLOTS] memory prefix, uint256 mask, uint256 minUnits, uint256 floor, uint256 k)
        private
        view
        returns (uint256 total)
    {
        assembly ("memory-safe") {
            let ptr := prefix
            for { let word := 0 } lt(word, 8) { word := add(word, 1) } {
                let packed := sload(add(_slotWords.slot, word))
                    {
                        let units := and(packed, 0xffffffff)
                        let r := and(shr(32, packed), 0xffffffff)
                        let eligible := and(and(mask, 1), iszero(lt(units, minUnits)))
                        let rw := xor(r, mul(xor(r, floor), lt(r, floor)))
                        total := add(total, mul(div(mul(units, k), mul(rw, rw)), and(eligible, gt(r, 0))))
                        mstore(ptr, total)
                    }
                    packed := shr(64, packed)
                    mask := shr(8, mask)
                    ptr := add(ptr, 0x20)
                    {
                        let units := and(packed, 0xffffffff)
                        let r := and(shr(32, packed), 0xffffffff)
                        let eligible := and(and(mask, 1), iszero(lt(units, minUnits)))
                        let rw := xor(r, mul(xor(r, floor), lt(r, floor)))
                        total := add(total, mul(div(mul(units, k), mul(rw, rw)), and(eligible, gt(r, 0))))
                        mstore(ptr, total)
                    }
                    packed := shr(64, packed)
                    mask := shr(8, mask)
                    ptr := add(ptr, 0x20)
                    {
                        let units := and(packed, 0xffffffff)
                        let r := and(shr(32, packed), 0xffffffff)
                        let eligible := and(and(mask, 1), iszero(lt(units, minUnits)))
                        let rw := xor(r, mul(xor(r, floor), lt(r, floor)))
                        total := add(total, mul(div(mul(units, k), mul(rw, rw)), and(eligible, gt(r, 0))))
                        mstore(ptr, total)
                    }
                    packed := shr(64, packed)
                    mask := shr(8, mask)
                    ptr := add(ptr, 0x20)
                    {
                        let units := and(packed, 0xffffffff)
                        let r := and(shr(32, packed), 0xffffffff)
                        let eligible := and(and(mask, 1), iszero(lt(units, minUnits)))
                        let rw := xor(r, mul(xor(r, floor), lt(r, floor)))
                        total := add(total, mul(div(mul(units, k), mul(rw, rw)), and(eligible, gt(r, 0))))
                        mstore(ptr, total)
                    }
                    packed := shr(64, packed)
                    mask := shr(8, mask)
                    ptr := add(ptr, 0x20)
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Internal helpers
    // ---------------------------------------------------------------------------------------------

    /// @dev Reads pool word A in one SLOAD.
    function _loadState() internal view returns (PoolState memory s) {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_state.slot)
        }
        s.feePerGas = uint64(w);
        s.avgProofDelayMs = uint64(w >> 64);
        s.nextBlockId = uint64(w >> 128);
        s.backlog = uint32(w >> 192);
        s.openBlocks = uint32(w >> 224);
    }

    /// @dev Writes pool word A in one SSTORE.
    function _storeState(PoolState memory s) internal {
        uint256 w = uint256(s.feePerGas) | (uint256(s.avgProofDelayMs) << 64) | (uint256(s.nextBlockId) << 128)
            | (uint256(s.backlog) << 192) | (uint256(s.openBlocks) << 224);
        assembly ("memory-safe") {
            sstore(_state.slot, w)
        }
    }

    /// @dev Reads pool word B in one SLOAD.
    function _loadState2() internal view returns (PoolState2 memory s2) {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_state2.slot)
        }
        s2.treasury = uint128(w);
        s2.occupied = uint32(w >> 128);
        s2.emergencyReason = EmergencyReason(uint8(w >> 160));
        s2.exitDay = uint32(w >> 168);
        s2.exitsToday = uint32(w >> 200);
    }

    /// @dev Writes pool word B in one SSTORE.
    function _storeState2(PoolState2 memory s2) internal {
        uint256 w = uint256(s2.treasury) | (uint256(s2.occupied) << 128) | (uint256(s2.emergencyReason) << 160)
            | (uint256(s2.exitDay) << 168) | (uint256(s2.exitsToday) << 200);
        assembly ("memory-safe") {
            sstore(_state2.slot, w)
        }
    }

    function _activeStaker(address prover) internal view returns (Staker storage st) {
        st = _stakers[prover];
        if (st.slot == 0) revert ProverPoolNotActive(prover);
    }

    function _checkCooldown(uint256 last) internal view {
        if (last == 0) return;
        uint256 availableAt = last + _cfgLimit.rewardChangeCooldown;
        if (block.timestamp < availableAt) revert ProverPoolCooldownActive(availableAt, block.timestamp);
    }

    /// @dev `[F*rewardRangeMinBps/BPS, min(F*rewardRangeMaxBps/BPS, 2^32-1)]`.
    function _rewardRange(uint256 fee) internal view returns (uint256 minR, uint256 maxR) {
        BlockConfig memory c1 = _cfgBlock;
        minR = (fee * c1.rewardRangeMinBps) / BPS;
        maxR = (fee * c1.rewardRangeMaxBps) / BPS;
        if (maxR > MAX_REWARD_PER_GAS) maxR = MAX_REWARD_PER_GAS;
    }

    function _writeSlotEntry(uint256 index, uint256 units, uint256 rewardPerGas) internal {
        uint256 shift = (index & 3) << 6;
        uint256 word = index >> 2;
        _slotWords[word] = (_slotWords[word] & ~(SLOT_ENTRY_MASK << shift)) | ((units | (rewardPerGas << 32)) << shift);
    }

    function _minStake(uint256 pending) internal view returns (uint256) {
        SelectionConfig memory c0 = _cfgSelection;
        return PoolMath.minStake(pending, c0.baseMinStake, c0.targetBacklog);
    }

    function _minCapacity(uint256 pending) internal view returns (uint256) {
        SelectionConfig memory c0 = _cfgSelection;
        return PoolMath.minCapacity(pending, c0.baseMinCapacity, c0.targetBacklog);
    }

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @notice The current config, field by field as `Config`.
    function config() external view returns (Config memory) {
        // Copies the 28 static words of `_config` and returns them as the ABI encoding of `Config`.
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            let slot := _config.slot
            for { let i := 0 } lt(i, 28) { i := add(i, 1) } { mstore(add(ptr, shl(5, i)), sload(add(slot, i))) }
            return(ptr, 896)
        }
    }

    /// @notice Current fee per gas F (TKO wei per gas).
    function feePerGas() external view returns (uint256) {
        return _state.feePerGas;
    }

    /// @notice Current average proof delay (milliseconds).
    function avgProofDelayMs() external view returns (uint256) {
        return _state.avgProofDelayMs;
    }

    /// @notice Proposed blocks not yet proven.
    function backlog() external view returns (uint256) {
        return _state.backlog;
    }

    /// @notice Unproven open blocks.
    function openBlocks() external view returns (uint256) {
        return _state.openBlocks;
    }

    /// @notice The id the next proposed block gets (ids start at 1).
    function nextBlockId() external view returns (uint256) {
        return _state.nextBlockId;
    }

    /// @notice TKO wei in the treasury (pays rewards; receives fees and slashes).
    function treasury() external view returns (uint256) {
        return _state2.treasury;
    }

    /// @notice Voluntary exits counted today (0 once the UTC day rolled).
    function exitsToday() external view returns (uint256) {
        PoolState2 memory s2 = _loadState2();
        return s2.exitDay == block.timestamp / DAY ? s2.exitsToday : 0;
    }

    /// @notice Minimum stake (wei, whole TKO counted) a new prover needs now.
    function currentMinStake() external view returns (uint256) {
        return _minStake(_state.backlog);
    }

    /// @notice Minimum capacity a new prover (or a capacity change) needs now.
    function currentMinCapacity() external view returns (uint256) {
        return _minCapacity(_state.backlog);
    }

    /// @notice Σ stake + Σ queued exits + Σ unclaimed rewards + treasury. Equals the core's TKO balance.
    function accountedBalance() external view returns (uint256) {
        return _totalStaked + _totalQueued + _totalRewards + _state2.treasury;
    }

    /// @notice Σ active stake (exact wei).
    function totalStaked() external view returns (uint256) {
        return _totalStaked;
    }

    /// @notice Active provers that are eligible at the current backlog and have capacity left
    /// (the emergency rule's "available provers").
    function availableProvers() external view returns (uint256 available) {
        available = _availableProvers(_state.backlog);
    }

    /// @notice The exact weights the next proposal would use (current F and backlog), by slot index.
    function weights() external view returns (uint256[MAX_SLOTS] memory w) {
        PoolState memory s = _loadState();
        (w,) = _scanSlots(s.feePerGas, s.backlog);
    }

    /// @notice Owner of each active slot by 0-based index (address(0) when free).
    function slotOwners() external view returns (address[MAX_SLOTS] memory owners) {
        for (uint256 i; i < MAX_SLOTS; ++i) {
            owners[i] = _slotOwner[i];
        }
    }

    /// @notice Number of addresses that ever staked.
    function stakerCount() external view returns (uint256) {
        return _stakerList.length;
    }

    /// @notice The `index`-th address that ever staked (first-stake order).
    function stakerAt(uint256 index) external view returns (address) {
        return _stakerList[index];
    }

    /// @notice Everything about one staker (zeroes with status None for an unknown address).
    function getStaker(address prover) external view returns (StakerInfo memory) {
        // Decodes the three `Staker` words (layout next to the struct) straight into the ABI encoding of
        // `StakerInfo` (14 static words): prover, status, slot, stake, rewardPerGas, currentCapacity,
        // maxCapacity, deposited, slashed, exitAmount, exitUnlocksAt, rewards, lastRewardChangeAt,
        // lastCapacityChangeAt.
        uint256 unclaimed = rewards[prover];
        uint256 caps = _currentCapacities;
        assembly ("memory-safe") {
            mstore(0x00, prover)
            mstore(0x20, _stakers.slot)
            let base := keccak256(0x00, 0x40)
            let w0 := sload(base)
            let w1 := sload(add(base, 1))
            let w2 := sload(add(base, 2))
            let ptr := mload(0x40)
            let slot := and(shr(136, w0), 0xff)
            mstore(ptr, prover)
            mstore(add(ptr, 0x20), and(shr(144, w0), 0xff))
            mstore(add(ptr, 0x40), slot)
            mstore(add(ptr, 0x60), and(w0, 0xffffffffffffffffffffffff))
            mstore(add(ptr, 0x80), and(shr(96, w0), 0xffffffff))
            mstore(add(ptr, 0xa0), mul(iszero(iszero(slot)), and(shr(shl(3, sub(slot, 1)), caps), 0xff)))
            mstore(add(ptr, 0xc0), and(shr(128, w0), 0xff))
            mstore(add(ptr, 0xe0), and(w2, 0xffffffffffffffffffffffffffffffff))
            mstore(add(ptr, 0x100), shr(128, w2))
            mstore(add(ptr, 0x120), and(w1, 0xffffffffffffffffffffffffffffffff))
            mstore(add(ptr, 0x140), and(shr(128, w1), 0xffffffffffffffff))
            mstore(add(ptr, 0x160), unclaimed)
            mstore(add(ptr, 0x180), and(shr(152, w0), 0xffffffffff))
            mstore(add(ptr, 0x1a0), and(shr(192, w0), 0xffffffffff))
            return(ptr, 0x1c0)
        }
    }
}
