// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {PoolMath} from "./PoolMath.sol";
import {BlockInfo, Config, EmergencyReason, MAX_SLOTS} from "./PoolTypes.sol";
import {ProverPool} from "./ProverPool.sol";
import {ProverTable} from "./ProverTable.sol";
import {IProofVerifier} from "./verifier/IProofVerifier.sol";

/// @title BlockProtocol
/// @notice The one deployed core of the prover market: proposals (fee `F*gasUsed`, a block commitment,
/// weighted prover selection), proofs through a verifier, rewards (owed when the treasury is short), the
/// moving fee `F` and average proof delay, proof windows, emergency mode, adaptive batching, claims, the
/// treasury, and the owner's bounded, delayed config changes. Holds every TKO of the system:
/// `token.balanceOf(this) == accountedBalance()`. See docs/contracts.md.
contract BlockProtocol is ProverPool, Ownable2Step {
    using SafeERC20 for IERC20;

    uint256 private constant U16 = type(uint16).max;
    uint256 private constant U24 = type(uint24).max;
    uint256 private constant U32 = type(uint32).max;
    uint256 private constant U40 = type(uint40).max;
    uint256 private constant U48 = type(uint48).max;
    uint256 private constant U64 = type(uint64).max;
    uint256 private constant PROVEN = uint256(1) << 240;
    uint256 private constant SLASHED = uint256(1) << 241;

    /// @notice The proof verifier (a development verifier locally, a ZK verifier in production).
    IProofVerifier public immutable verifier;

    /// @dev One block in one word (a proposal writes it and the commitment; a proof sets a bit):
    /// bits   0..31  assigned prover's staker id (0 = open block)
    /// bits  32..71  proposedAt (uint40)
    /// bits  72..103 gasUsed (uint32)
    /// bits 104..167 rewardPerGas (uint64: R' snapshot; F at proposal for an open block)
    /// bits 168..215 avgProofDelayMs (uint48 snapshot)
    /// bits 216..239 configVersion (uint24: the rates the block keeps, and so its window)
    /// bit  240      proven
    /// bit  241      slashed
    mapping(uint256 blockId => uint256) internal _blocks;
    /// @dev The commitment each block was proposed with (the verifier's public input).
    mapping(uint256 blockId => bytes32) internal _commitments;

    // ---------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------

    /// @notice A block was proposed.
    /// @param blockId The new block's id.
    /// @param proposer Who proposed (and paid `feePerGas * gasUsed`).
    /// @param assignedProver The selected prover, address(0) for an open block.
    /// @param gasUsed The block's gas.
    /// @param feePerGas F at proposal.
    /// @param rewardPerGas R' snapshot (F for an open block).
    /// @param proofDeadline `proposedAt + proofWindow`; a proof at exactly this time is in time.
    /// @param commitment The block commitment handed to the verifier.
    event BlockProposed(
        uint256 indexed blockId,
        address indexed proposer,
        address indexed assignedProver,
        uint256 gasUsed,
        uint256 feePerGas,
        uint256 rewardPerGas,
        uint256 proofDeadline,
        bytes32 commitment
    );

    /// @notice A block was proven.
    /// @param blockId The block.
    /// @param prover Who proved it (the reward's receiver).
    /// @param reward The block's whole reward (wei): paid now, or in part owed (see `RewardOwed`).
    /// @param delay Seconds from proposal to proof.
    /// @param late Proven after its window by anyone (the assigned prover was slashed).
    /// @param open The block had no assigned prover.
    /// @param batched Proven in a batch of two or more blocks.
    event BlockProven(
        uint256 indexed blockId, address indexed prover, uint256 reward, uint256 delay, bool late, bool open, bool batched
    );

    /// @notice F moved after an in-window proof (emitted on every such proof, also when unchanged).
    /// @param blockId The proven block.
    /// @param oldFeePerGas F before.
    /// @param newFeePerGas F after.
    /// @param timestamp Proof time.
    event FeePerGasChanged(uint256 indexed blockId, uint256 oldFeePerGas, uint256 newFeePerGas, uint256 timestamp);

    /// @notice The average proof delay moved after an in-window proof (emitted on every such proof).
    /// @param blockId The proven block.
    /// @param oldAvgProofDelayMs Average before (milliseconds).
    /// @param newAvgProofDelayMs Average after (milliseconds).
    event AvgProofDelayChanged(uint256 indexed blockId, uint256 oldAvgProofDelayMs, uint256 newAvgProofDelayMs);

    /// @notice Emergency mode changed.
    /// @param active Whether it is now on.
    /// @param reason 0 none (leaving), 1 congestion, 2 prover failure.
    event EmergencyModeChanged(bool active, uint8 reason);

    /// @notice A prover claimed its rewards (claimable ones and any owed ones the treasury now covers).
    /// @param prover The claimer.
    /// @param amount Wei paid.
    event RewardsClaimed(address indexed prover, uint256 amount);

    /// @notice Part of a block's reward could not be paid: the treasury (less what it already owes) was
    /// short. The amount is owed to `prover` and paid before any new reward once the treasury is refilled.
    /// @param prover The prover owed.
    /// @param blockId The proven block.
    /// @param amount Wei owed.
    event RewardOwed(address indexed prover, uint256 indexed blockId, uint256 amount);

    /// @notice Owed rewards were paid out of the refilled treasury (part of a claim).
    /// @param prover The prover paid.
    /// @param amount Wei of owed rewards paid.
    event OwedRewardsPaid(address indexed prover, uint256 amount);

    /// @notice Someone added TKO to the treasury.
    /// @param from The funder.
    /// @param amount Wei added.
    event TreasuryFunded(address indexed from, uint256 amount);

    // ---------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------

    /// @notice `gasUsed` must be in `[min, max]` (min is `minGasPerBlock`).
    error BlockProtocolGasUsedOutOfRange(uint256 gasUsed, uint256 min, uint256 max);
    /// @notice A proposal must carry a non-zero block commitment.
    error BlockProtocolEmptyCommitment();
    /// @notice The block would be open but `maxOpenBlocks` open blocks are unproven.
    error BlockProtocolTooManyOpenBlocks(uint256 openBlocks, uint256 maxOpenBlocks);
    /// @notice `proveBlocks` was called with no block.
    error BlockProtocolEmptyBatch();
    /// @notice More blocks than `currentBatchSize()` allows.
    error BlockProtocolBatchTooLarge(uint256 length, uint256 max);
    /// @notice The verifier rejected the proof of `blockId`.
    error BlockProtocolProofRejected(uint256 blockId);
    /// @notice No block has this id (ids are `1 … nextBlockId-1`).
    error BlockProtocolUnknownBlock(uint256 blockId, uint256 nextBlockId);
    /// @notice The block is already proven.
    error BlockProtocolAlreadyProven(uint256 blockId);
    /// @notice Inside its window only the assigned prover may prove the block.
    error BlockProtocolNotAssignedProver(uint256 blockId, address assignedProver, uint256 deadline);
    /// @notice The caller has no rewards to claim.
    error BlockProtocolNothingToClaim();
    /// @notice The caller is owed `owed` wei but the treasury holds nothing to pay it with yet.
    error BlockProtocolOwedUnfunded(uint256 owed, uint256 treasury);
    /// @notice No config is scheduled.
    error BlockProtocolNoConfigScheduled();
    /// @notice The scheduled config may apply only from `activatesAt`.
    error BlockProtocolConfigNotDue(uint256 activatesAt, uint256 now);

    // ---------------------------------------------------------------------------------------------
    // Construction and admin
    // ---------------------------------------------------------------------------------------------

    /// @param token_ The TKO token.
    /// @param verifier_ The proof verifier.
    /// @param config_ The mechanism's parameters (validated; version 1).
    /// @param initialFeePerGas Starting F (1 … 2^64-1).
    /// @param initialAvgProofDelayMs Starting average proof delay in milliseconds (≤ 2^48-1).
    constructor(
        address token_,
        address verifier_,
        Config memory config_,
        uint256 initialFeePerGas,
        uint256 initialAvgProofDelayMs
    ) ProverPool(token_, config_, initialFeePerGas, initialAvgProofDelayMs) Ownable(msg.sender) {
        if (verifier_ == address(0)) revert ProverPoolConfigInvalid(FIELD_VERIFIER, 0, 1, type(uint160).max);
        verifier = IProofVerifier(verifier_);
    }

    /// @notice Schedules `config_` (owner only). It is validated now against the hard bounds and may be
    /// applied by anyone once `configDelay` (of the config in force) has passed; scheduling again replaces
    /// a pending one. Blocks proposed before it applies keep the rates of their own version.
    /// @param config_ The new config.
    function scheduleConfig(Config calldata config_) external onlyOwner {
        Config memory c = config_;
        _checkConfig(c);
        uint256 activatesAt = block.timestamp + _config.configDelay;
        _pendingConfig = c;
        _pendingConfigAt = activatesAt;
        emit ConfigScheduled(c, activatesAt);
    }

    /// @notice Cancels the scheduled config (owner only).
    function cancelConfig() external onlyOwner {
        uint256 activatesAt = _pendingConfigAt;
        if (activatesAt == 0) revert BlockProtocolNoConfigScheduled();
        delete _pendingConfig;
        _pendingConfigAt = 0;
        emit ConfigCancelled(activatesAt);
    }

    /// @notice Puts the scheduled config in force once its time has come (anyone may call it). It becomes
    /// the next config version.
    function applyConfig() external {
        uint256 activatesAt = _pendingConfigAt;
        if (activatesAt == 0) revert BlockProtocolNoConfigScheduled();
        if (block.timestamp < activatesAt) revert BlockProtocolConfigNotDue(activatesAt, block.timestamp);
        Config memory c = _pendingConfig;
        delete _pendingConfig;
        _pendingConfigAt = 0;
        State memory s = _loadState();
        s.configVersion = SafeCast.toUint24(s.configVersion + 1);
        _storeState(s);
        _install(c, s.configVersion);
    }

    /// @notice Adds `amount` TKO wei from the caller to the treasury that pays rewards (and owed rewards).
    /// @param amount Wei (> 0; needs an allowance).
    function fundTreasury(uint256 amount) external nonReentrant {
        if (amount == 0) revert ProverPoolZeroAmount();
        _creditTreasury(amount);
        emit TreasuryFunded(msg.sender, amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @dev `treasury += amount`, reverting if the treasury would not fit 128 bits.
    function _creditTreasury(uint256 amount) private {
        uint256 funds = _funds;
        SafeCast.toUint128(uint128(funds) + amount);
        _funds = funds + amount;
    }

    // ---------------------------------------------------------------------------------------------
    // Proposals
    // ---------------------------------------------------------------------------------------------

    /// @notice Proposes a block of `gasUsed` gas with block commitment `commitment`, paying
    /// `feePerGas() * gasUsed` TKO (needs an allowance). Selects a prover by weight unless emergency mode is
    /// on or no prover has weight (an open block).
    /// @param gasUsed The block's gas (≥ `minGasPerBlock`).
    /// @param commitment The block commitment (non-zero): the verifier's public input for this block.
    /// @return blockId The new block's id.
    function proposeBlock(uint32 gasUsed, bytes32 commitment) external nonReentrant returns (uint256 blockId) {
        uint256 hot = _cfgHot;
        uint256 minGas = hot >> 224;
        if (gasUsed < minGas) revert BlockProtocolGasUsedOutOfRange(gasUsed, minGas, U32);
        if (commitment == bytes32(0)) revert BlockProtocolEmptyCommitment();
        State memory s = _loadState();
        _updateEmergencyOnProposal(s, hot);

        blockId = s.nextBlockId;
        s.nextBlockId = blockId + 1;
        uint256 fee = PoolMath.proposalFee(s.feePerGas, gasUsed);
        _creditTreasury(fee);
        (address assigned, uint256 assignedId, uint256 effectiveReward) = _assign(s, blockId, hot);
        _recordBlock(s, blockId, assigned, assignedId, gasUsed, effectiveReward, commitment);
        token.safeTransferFrom(msg.sender, address(this), fee);
    }

    /// @dev Selection (unless emergency mode is on or no slot is occupied), else an open block within
    /// `maxOpenBlocks`. Returns the assigned prover (id 0 when open) and the block's R' (F when open).
    function _assign(State memory s, uint256 blockId, uint256 hot)
        private
        returns (address assigned, uint256 assignedId, uint256 effectiveReward)
    {
        effectiveReward = s.feePerGas;
        if (s.emergencyReason == EmergencyReason.None) {
            uint256 slots = _slots;
            if ((slots >> 160) & U32 != 0) {
                (assigned, assignedId, effectiveReward) =
                    _select(address(uint160(slots)), blockId, s.feePerGas, s.backlog, hot);
            }
        }
        if (assignedId == 0) {
            uint256 maxOpen = (hot >> 192) & U32;
            if (s.openBlocks >= maxOpen) revert BlockProtocolTooManyOpenBlocks(s.openBlocks, maxOpen);
            s.openBlocks += 1;
        }
    }

    /// @dev Writes the block's word and commitment, counts it in the backlog, stores pool word A and
    /// emits `BlockProposed` (the deadline uses the window of the config version in force).
    function _recordBlock(
        State memory s,
        uint256 blockId,
        address assigned,
        uint256 assignedId,
        uint256 gasUsed,
        uint256 effectiveReward,
        bytes32 commitment
    ) private {
        uint256 deadline = block.timestamp + _window(s.avgProofDelayMs, _ratesOf[s.configVersion]);
        _blocks[blockId] = assignedId | (block.timestamp << 32) | (gasUsed << 72) | (effectiveReward << 104)
            | (s.avgProofDelayMs << 168) | (s.configVersion << 216);
        _commitments[blockId] = commitment;
        s.backlog += 1;
        _storeState(s);
        emit BlockProposed(blockId, msg.sender, assigned, gasUsed, s.feePerGas, effectiveReward, deadline, commitment);
    }

    /// @dev Step 2 of a proposal: leave emergency mode if the leave condition holds, then enter it on
    /// congestion. `backlog` is the number of unproven blocks before the new one.
    function _updateEmergencyOnProposal(State memory s, uint256 hot) private {
        uint256 congestion = (hot >> 160) & U32;
        if (s.emergencyReason != EmergencyReason.None && _canLeaveEmergency(s.backlog, congestion)) {
            s.emergencyReason = EmergencyReason.None;
            emit EmergencyModeChanged(false, uint8(EmergencyReason.None));
        }
        if (s.emergencyReason == EmergencyReason.None && s.backlog >= congestion) {
            s.emergencyReason = EmergencyReason.Congestion;
            emit EmergencyModeChanged(true, uint8(EmergencyReason.Congestion));
        }
    }

    /// @dev Weighted selection over the table's 32 slots; returns id 0 and R' = F when every weight is 0.
    /// The picked slot's current capacity drops by one; R' = effectiveRewardPerGas(R, F).
    function _select(address table, uint256 blockId, uint256 fee, uint256 pending, uint256 hot)
        private
        returns (address assigned, uint256 assignedId, uint256 effectiveReward)
    {
        (bool picked, uint256 index, uint256 rewardPerGas) = _pick(table, blockId, fee, pending);
        if (!picked) return (address(0), 0, fee);
        uint256 ownerWord = ProverTable.ownerWord(table, index);
        assigned = address(uint160(ownerWord >> 32));
        assignedId = uint32(ownerWord);
        _currentCapacities -= uint256(1) << (8 * index);
        effectiveReward = PoolMath.effectiveRewardPerGas(rewardPerGas, fee, hot & U16, (hot >> 16) & U16);
    }

    /// @dev `selectProver` over the slot weights with `selectionSeed(blockhash(block.number - 1), blockId)`:
    /// the picked slot and its R, or `picked == false` when every weight is 0.
    function _pick(address table, uint256 blockId, uint256 fee, uint256 pending)
        private
        view
        returns (bool picked, uint256 index, uint256 rewardPerGas)
    {
        uint256[13] memory t = ProverTable.loadHot(table);
        (uint256[MAX_SLOTS] memory prefix, uint256 total) = _scanPrefix(t, fee, pending);
        if (total == 0) return (false, 0, 0);
        uint256 r = PoolMath.selectionSeed(blockhash(block.number - 1), blockId) % total;
        // Binary search for the first index whose running sum exceeds r (prefix[31] == total > r).
        assembly ("memory-safe") {
            let hi := 31
            for {} lt(index, hi) {} {
                let mid := shr(1, add(index, hi))
                switch lt(r, mload(add(prefix, shl(5, mid))))
                case 0 { index := add(mid, 1) }
                default { hi := mid }
            }
        }
        picked = true;
        rewardPerGas = (t[5 + (index >> 2)] >> (64 * (index & 3))) & U64;
    }

    /// @dev The proof window (seconds) for average delay `avgMs` under a version's `rates` word.
    function _window(uint256 avgMs, uint256 rates) private pure returns (uint256) {
        return PoolMath.proofWindow(avgMs, (rates >> 88) & U16, (rates >> 104) & U32, (rates >> 136) & U32);
    }

    // ---------------------------------------------------------------------------------------------
    // Proofs
    // ---------------------------------------------------------------------------------------------

    /// @notice Proves one block (a batch of one).
    /// @param blockId The block.
    /// @param proof Proof bytes for the verifier.
    function proveBlock(uint256 blockId, bytes calldata proof) external nonReentrant {
        _proveOne(blockId, proof, false);
        _leaveEmergencyAfterProofs();
    }

    /// @notice Proves up to `currentBatchSize()` blocks with one proof, in the given order. Inside a
    /// block's window only its assigned prover may prove it; after the window anyone may, and the
    /// assigned prover is slashed. Rewards accrue to the caller (see `claimRewards`).
    /// @param blockIds The blocks.
    /// @param proof Proof bytes for the verifier (handed to it with each block id and commitment).
    function proveBlocks(uint256[] calldata blockIds, bytes calldata proof) external nonReentrant {
        uint256 n = blockIds.length;
        if (n == 0) revert BlockProtocolEmptyBatch();
        uint256 maxBatch = currentBatchSize();
        if (n > maxBatch) revert BlockProtocolBatchTooLarge(n, maxBatch);
        for (uint256 i; i < n; ++i) {
            _proveOne(blockIds[i], proof, n >= 2);
        }
        _leaveEmergencyAfterProofs();
    }

    /// @dev Leave emergency mode when the backlog has drained and enough provers are available.
    function _leaveEmergencyAfterProofs() private {
        State memory s = _loadState();
        if (s.emergencyReason != EmergencyReason.None && _canLeaveEmergency(s.backlog, (_cfgHot >> 160) & U32)) {
            s.emergencyReason = EmergencyReason.None;
            _storeState(s);
            emit EmergencyModeChanged(false, uint8(EmergencyReason.None));
        }
    }

    /// @dev A block being proven, as `_checkProof` found it.
    struct Proof {
        uint256 blockId;
        uint256 rec; // the block's word
        uint256 rates; // its config version's rates
        address assigned; // address(0) for an open block
        bool late;
        uint256 delay; // seconds since proposal
    }

    /// @dev Checks one block, then applies it (docs/contracts.md, proveBlocks).
    function _proveOne(uint256 blockId, bytes calldata proof, bool batched) private {
        Proof memory p = _checkProof(blockId, proof);
        State memory s = _loadState();
        // The reward is fixed before this block's own slash and failure check: the stabilization bonus is
        // for a proof that lands in emergency mode, not for the one that switches it on.
        bool stabilized = batched || s.emergencyReason != EmergencyReason.None;
        bool open = p.assigned == address(0);
        bool inWindow = !open && !p.late;
        _blocks[blockId] = p.rec | PROVEN | (p.late && !open ? SLASHED : 0);
        s.backlog -= 1;
        if (open) s.openBlocks -= 1;
        uint256 effectiveReward = (p.rec >> 104) & U64;
        uint256 gasUsed = (p.rec >> 72) & U32;
        if (inWindow) _moveFeeAndDelay(s, blockId, effectiveReward, p.delay);
        if (!open) _settleAssigned(s, blockId, p.assigned, p.late, effectiveReward * gasUsed, p.rates);

        (,,, uint256 reward) = PoolMath.proofReward(
            PoolMath.RewardParams({
                rewardPerGas: effectiveReward,
                gasUsed: gasUsed,
                delay: p.delay,
                avgProofDelayMs: (p.rec >> 168) & U48,
                assignedInWindow: inWindow,
                stabilized: stabilized,
                openRewardBps: p.rates & U16,
                perfBonusFastBps: (p.rates >> 16) & U16,
                perfBonusBps: (p.rates >> 32) & U16,
                stabilizationBonusBps: (p.rates >> 48) & U16
            })
        );
        _payReward(s, blockId, reward);
        _storeState(s);
        emit BlockProven(blockId, msg.sender, reward, p.delay, p.late, open, batched);
    }

    /// @dev Checks, in order: known id, not proven, caller allowed (`late = now > deadline`: a proof at
    /// exactly the deadline is in time), the verifier (with the block's commitment).
    function _checkProof(uint256 blockId, bytes calldata proof) private view returns (Proof memory p) {
        uint256 next = (_state >> 112) & U40;
        if (blockId == 0 || blockId >= next) revert BlockProtocolUnknownBlock(blockId, next);
        p.blockId = blockId;
        p.rec = _blocks[blockId];
        if (p.rec & PROVEN != 0) revert BlockProtocolAlreadyProven(blockId);
        p.rates = _ratesOf[(p.rec >> 216) & U24];
        uint256 proposedAt = (p.rec >> 32) & U40;
        uint256 deadline = proposedAt + _window((p.rec >> 168) & U48, p.rates);
        p.late = block.timestamp > deadline;
        p.delay = block.timestamp - proposedAt;
        uint256 assignedId = uint32(p.rec);
        if (assignedId != 0) {
            p.assigned = _stakerList[assignedId - 1];
            if (!p.late && msg.sender != p.assigned) revert BlockProtocolNotAssignedProver(blockId, p.assigned, deadline);
        }
        if (!verifier.verify(blockId, _commitments[blockId], proof)) revert BlockProtocolProofRejected(blockId);
    }

    /// @dev An in-window proof moves F and the average delay (events on every such proof).
    function _moveFeeAndDelay(State memory s, uint256 blockId, uint256 effectiveReward, uint256 delay) private {
        uint256 cfg = _cfgProof;
        uint256 oldFee = s.feePerGas;
        uint256 oldAvgMs = s.avgProofDelayMs;
        s.feePerGas = PoolMath.nextFeePerGas(oldFee, effectiveReward, cfg & U32);
        // The average is kept in milliseconds (delay is whole seconds): see docs/contracts.md.
        s.avgProofDelayMs = PoolMath.nextAvgProofDelay(oldAvgMs, delay * 1000, (cfg >> 32) & U32);
        emit FeePerGasChanged(blockId, oldFee, s.feePerGas, block.timestamp);
        emit AvgProofDelayChanged(blockId, oldAvgMs, s.avgProofDelayMs);
    }

    /// @dev For an assigned block: on a late proof slash the assigned prover (with the block's rates) and
    /// run the emergency *prover failure* check (backlog already without this block, before the capacity
    /// below returns); then the assigned prover has one outstanding block fewer.
    function _settleAssigned(
        State memory s,
        uint256 blockId,
        address assigned,
        bool late,
        uint256 baseReward,
        uint256 rates
    ) private {
        if (late) {
            _slash(assigned, blockId, baseReward, (rates >> 64) & U16, (rates >> 80) & 0xff);
            if (s.emergencyReason == EmergencyReason.None) {
                uint256 available = _availableProvers(s.backlog);
                if (available < (_cfgProof >> 136) & 0xff || s.backlog >= ((_cfgHot >> 160) & U32) / 2) {
                    s.emergencyReason = EmergencyReason.ProverFailure;
                    emit EmergencyModeChanged(true, uint8(EmergencyReason.ProverFailure));
                }
            }
        }
        // One outstanding block fewer: a held-back one first, else one capacity back in the slot (see `Staker`).
        Staker storage st = _stakers[assigned];
        uint256 held = st.heldBack;
        if (held != 0) {
            st.heldBack = uint16(held - 1);
        } else if (st.slot != 0) {
            uint256 shift = 8 * (uint256(st.slot) - 1);
            uint256 caps = _currentCapacities;
            if ((caps >> shift) & 0xff < st.maxCapacity) _currentCapacities = caps + (uint256(1) << shift);
        }
    }

    /// @dev Credits `reward` to the caller: the treasury pays what it holds beyond what it already owes
    /// (owed rewards are paid first once it is refilled); the rest is owed to the caller (Revision 2.5).
    function _payReward(State memory s, uint256 blockId, uint256 reward) private {
        if (reward == 0) return;
        uint256 funds = _funds;
        uint256 treasury_ = uint128(funds);
        uint256 owedTotal = s.owing ? _totalOwed : 0;
        uint256 available = treasury_ > owedTotal ? treasury_ - owedTotal : 0;
        uint256 paid = reward < available ? reward : available;
        uint256 unpaid = reward - paid;
        // treasury -= paid; Σ claimable += paid (both halves of the word).
        _funds = funds - paid + (paid << 128);
        _rewardAccounts[msg.sender] += paid + (unpaid << 128);
        if (unpaid != 0) {
            _totalOwed = owedTotal + unpaid;
            s.owing = true;
            emit RewardOwed(msg.sender, blockId, unpaid);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Rewards
    // ---------------------------------------------------------------------------------------------

    /// @notice Pays the caller's claimable rewards and as much of its owed rewards as the treasury holds.
    function claimRewards() external nonReentrant {
        uint256 account = _rewardAccounts[msg.sender];
        uint256 claimable = uint128(account);
        uint256 owed = account >> 128;
        uint256 funds = _funds;
        uint256 treasury_ = uint128(funds);
        uint256 owedPaid = owed < treasury_ ? owed : treasury_;
        if (claimable == 0 && owedPaid == 0) {
            if (owed != 0) revert BlockProtocolOwedUnfunded(owed, treasury_);
            revert BlockProtocolNothingToClaim();
        }
        _rewardAccounts[msg.sender] = (owed - owedPaid) << 128;
        // treasury -= owedPaid; Σ claimable -= claimable.
        _funds = funds - owedPaid - (claimable << 128);
        if (owedPaid != 0) {
            uint256 left = _totalOwed - owedPaid;
            _totalOwed = left;
            if (left == 0) {
                State memory s = _loadState();
                s.owing = false;
                _storeState(s);
            }
            emit OwedRewardsPaid(msg.sender, owedPaid);
        }
        emit RewardsClaimed(msg.sender, claimable + owedPaid);
        token.safeTransfer(msg.sender, claimable + owedPaid);
    }

    /// @notice Claimable rewards of `prover` (wei).
    function rewards(address prover) external view returns (uint256) {
        return uint128(_rewardAccounts[prover]);
    }

    /// @notice Rewards owed to `prover` that the treasury could not pay yet (wei).
    function owedRewards(address prover) external view returns (uint256) {
        return _rewardAccounts[prover] >> 128;
    }

    // ---------------------------------------------------------------------------------------------
    // Emergency mode and batching
    // ---------------------------------------------------------------------------------------------

    /// @dev Leave condition: `backlog <= congestionBacklog/4` and available provers `>= minAvailableProvers`.
    function _canLeaveEmergency(uint256 pending, uint256 congestion) private view returns (bool) {
        if (pending > congestion / 4) return false;
        return _availableProvers(pending) >= (_cfgProof >> 136) & 0xff;
    }

    /// @notice Whether emergency mode is on (new blocks are open, batching is on).
    function isEmergency() external view returns (bool) {
        return _loadState().emergencyReason != EmergencyReason.None;
    }

    /// @notice Why emergency mode is on (`None` when off).
    function emergencyReason() external view returns (EmergencyReason) {
        return _loadState().emergencyReason;
    }

    /// @notice Most blocks one `proveBlocks` call may prove now:
    /// `emergency ? max(2, batchSize(backlog)) : batchSize(backlog)`. Batching is on when > 1.
    function currentBatchSize() public view returns (uint256) {
        State memory s = _loadState();
        uint256 cfg = _cfgProof;
        uint256 size = PoolMath.batchSize(s.backlog, (cfg >> 64) & U32, (cfg >> 96) & U32, (cfg >> 128) & 0xff);
        if (s.emergencyReason != EmergencyReason.None && size < 2) size = 2;
        return size;
    }

    /// @notice The proof window a block proposed now would get (seconds).
    function currentProofWindow() external view returns (uint256) {
        State memory s = _loadState();
        return _window(s.avgProofDelayMs, _ratesOf[s.configVersion]);
    }

    /// @notice One block's record.
    /// @param blockId The block (`1 … nextBlockId-1`).
    function getBlock(uint256 blockId) external view returns (BlockInfo memory b) {
        uint256 next = _loadState().nextBlockId;
        if (blockId == 0 || blockId >= next) revert BlockProtocolUnknownBlock(blockId, next);
        uint256 rec = _blocks[blockId];
        uint256 assignedId = uint32(rec);
        b.blockId = blockId;
        b.assignedProver = assignedId == 0 ? address(0) : _stakerList[assignedId - 1];
        b.proposedAt = (rec >> 32) & U40;
        b.gasUsed = (rec >> 72) & U32;
        b.rewardPerGas = (rec >> 104) & U64;
        b.avgProofDelayMs = (rec >> 168) & U48;
        b.configVersion = (rec >> 216) & U24;
        b.proofWindow = _window(b.avgProofDelayMs, _ratesOf[b.configVersion]);
        b.commitment = _commitments[blockId];
        b.open = assignedId == 0;
        b.proven = rec & PROVEN != 0;
        b.slashed = rec & SLASHED != 0;
    }
}
